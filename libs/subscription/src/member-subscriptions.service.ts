import { Injectable } from '@nestjs/common';
import { SubscriptionSummaryDto } from './dto/subscription-response.dto';
import { SubscriptionRepository } from './subscription.repository';

/** The subscription of one member, given by id. */
const ONE_MEMBER = { name: 'one-member', sql: (placeholder: string) => `(${placeholder}::uuid)` };

/** Reads for domains above subscriptions (the portal's home and membership card). */
@Injectable()
export class MemberSubscriptionsService {
  constructor(private readonly subscriptions: SubscriptionRepository) {}

  /** The member's live subscription (pending or active), else their latest; null for none. */
  async currentOf(memberId: string): Promise<SubscriptionSummaryDto | null> {
    const row = await this.subscriptions.findCurrentOfMembers(ONE_MEMBER, memberId);
    return row ? SubscriptionSummaryDto.fromRow(row) : null;
  }
}
