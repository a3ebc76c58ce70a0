import { Injectable } from '@nestjs/common';
import { AppConfig, userIdOf, type Principal } from '@tessera/core';
import { BillingDocumentQueriesService, MyBillingDocumentsQueryDto } from '@tessera/billing';
import { SignedInPerson } from '@tessera/members';
import { cardValidity } from '../card/card-validity';
import { MemberStandingService } from '../card/member-standing.service';
import type { MembershipSummaryDto } from '../dto/membership-summary.dto';
import { amountDue } from './amount-due';

/** Open documents a member has at once are few; one page of the largest size holds them. */
const OPEN_DOCUMENTS_PAGE = Object.assign(new MyBillingDocumentsQueryDto(), { page: 1, pageSize: 200 });

/** GET /me/membership: the portal's home in one answer, read from the domains that keep each part. */
@Injectable()
export class MembershipSummaryService {
  constructor(
    private readonly standings: MemberStandingService,
    private readonly documents: BillingDocumentQueriesService,
    private readonly signedIn: SignedInPerson,
    private readonly config: AppConfig,
  ) {}

  async of(principal: Principal): Promise<MembershipSummaryDto> {
    const member = await this.standings.ownMember(principal);
    const [{ subscription, standing, today }, page] = await Promise.all([
      this.standings.of(member),
      this.documents.listOwn(this.signedIn.personOf, userIdOf(principal), OPEN_DOCUMENTS_PAGE),
    ]);
    const latest = member.statusHistory.at(-1) ?? null;
    const owed = amountDue(page.items.filter((document) => document.member.id === member.id));
    const card = cardValidity(standing, today);
    return {
      member: { id: member.id, number: member.number, name: member.name, kind: member.kind },
      status: member.status,
      statusReason: latest?.reason ?? null,
      statusReasonCode: latest?.reasonCode ?? null,
      statusReasonParams: latest?.reasonParams ?? null,
      statusSince: latest?.at ?? null,
      plan: subscription ? subscription.plan : member.plan,
      subscription,
      amountDue: owed.totals,
      documentsDue: owed.due.length,
      payNext: owed.payNext,
      onlinePayment: this.config.stripeEnabled,
      card: card.valid ? { valid: true, validUntil: card.validUntil } : { valid: false, validUntil: null },
    };
  }
}
