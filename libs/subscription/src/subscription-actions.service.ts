import { Injectable } from '@nestjs/common';
import { pageOf, ProblemException, userIdOf, type Page, type Principal } from '@tessera/core';
import { memberIdsActedForSql, MembersService, SignedInPerson } from '@tessera/members';
import { SubscriptionDto, SubscriptionSummaryDto, type MySubscriptionDto } from './dto/subscription-response.dto';
import type {
  CreateSubscriptionDto,
  EndSubscriptionDto,
  ListSubscriptionsQueryDto,
} from './dto/subscription-request.dto';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService, subscriptionNotFound } from './subscription.service';

/** What the subscription endpoints do: a read, or a change and then the subscription as it now is. */
@Injectable()
export class SubscriptionActionsService {
  constructor(
    private readonly subscriptions: SubscriptionRepository,
    private readonly service: SubscriptionService,
    private readonly members: MembersService,
    private readonly signedIn: SignedInPerson,
  ) {}

  async list(query: ListSubscriptionsQueryDto): Promise<Page<SubscriptionSummaryDto>> {
    const [rows, total] = await this.subscriptions.list({
      state: query.state,
      memberId: query.memberId,
      planId: query.planId,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(rows.map(SubscriptionSummaryDto.fromRow), total, query);
  }

  async get(id: string): Promise<SubscriptionDto> {
    const row = await this.subscriptions.findDetail(id);
    if (!row) throw subscriptionNotFound();
    return SubscriptionDto.fromDetail(row);
  }

  /** The signed-in member's live subscription (else their latest). */
  async mine(principal: Principal): Promise<MySubscriptionDto> {
    const person = this.signedIn.personOf;
    const row = await this.subscriptions.findCurrentOfMembers(
      { name: person.name, sql: (placeholder) => memberIdsActedForSql(person.sql(placeholder)) },
      userIdOf(principal),
    );
    return { subscription: row ? SubscriptionDto.fromDetail(row) : null };
  }

  /** Staff subscribe an existing member; one who already has a live subscription: 409. */
  async subscribeMember(memberId: string, dto: CreateSubscriptionDto, principal: Principal): Promise<SubscriptionDto> {
    await this.members.get(memberId);
    const outcome = await this.service.subscribe({
      memberId,
      planId: dto.planId,
      startDate: dto.startDate,
      origin: { type: 'staff', id: principal.kind === 'user' ? principal.userId : null, reference: null },
      actorUserId: principal.kind === 'user' ? principal.userId : null,
    });
    if (!outcome.created)
      throw ProblemException.conflict(
        `This member already has a ${outcome.existing.state} subscription: end it before subscribing them again.`,
        'already-subscribed',
      );
    return this.get(outcome.subscriptionId);
  }

  async end(id: string, dto: EndSubscriptionDto, principal: Principal): Promise<SubscriptionDto> {
    await this.service.end(id, dto.reason, dto.effectiveDate, principal.kind === 'user' ? principal.userId : null);
    return this.get(id);
  }
}
