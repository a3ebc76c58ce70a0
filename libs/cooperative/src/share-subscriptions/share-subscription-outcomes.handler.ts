import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import { BillingDocumentsService } from '@tessera/billing';
import { ProblemException } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { PortalAccountsService } from '@tessera/portal-users';
import { ShareClassesService, type ShareClass } from '../share-classes/share-classes.service';
import { ShareRegisterRepository } from '../share-register/share-register.repository';
import { transitionRefusal, type ShareSubscriptionState } from '../share-subscription-state';
import { ShareSubscriptionRepository, type ShareSubscriptionRow } from './share-subscription.repository';

export const SHARE_SUBSCRIPTION_SUBJECT = 'share_subscription' as const;

/**
 * What a share subscription's approval decides, inside the decision's transaction: approved → the
 * holder's record is made or matched (never duplicated; an existing membership is left as it is),
 * the holder becomes a candidate cooperator with a portal account (created and invited, or found)
 * and a capital release request is issued (billing e-mails it with its PDF); refused or cancelled → the request closes with the reason.
 */
@Injectable()
export class ShareSubscriptionOutcomesHandler implements ApprovalSubjectHandler, OnModuleInit {
  readonly subjectType = SHARE_SUBSCRIPTION_SUBJECT;

  constructor(
    private readonly registry: ApprovalSubjectRegistry,
    private readonly subscriptions: ShareSubscriptionRepository,
    private readonly classes: ShareClassesService,
    private readonly register: ShareRegisterRepository,
    private readonly members: MembersService,
    private readonly billing: BillingDocumentsService,
    private readonly accounts: PortalAccountsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const row = await this.lockFor(ctx.subjectId, 'approved');
    const shareClass = await this.classes.byId(row.shareClassId);
    if (!shareClass) throw new Error(`Share class ${row.shareClassId} vanished`);
    const memberId = row.existingMemberId ?? (await this.makeOrMatchHolder(row, shareClass, ctx));
    await this.register.ensureCandidate(memberId, ctx.decidedAt);
    // The candidate cooperator's portal account (an organisation's: its contact's), once per person.
    const contact = await this.members.contactFor(memberId);
    await this.accounts.ensureAccount({
      ...contact,
      origin: 'application',
      sourceReference: row.reference,
      autoRegistered: row.source === 'api',
    });
    const crr = await this.billing.issue({
      kind: 'capital-release',
      memberId,
      currency: row.currency,
      lines: [
        {
          description: `${shareClass.name} (class ${shareClass.code}), ${row.reference}`,
          quantity: row.quantity,
          unitPrice: row.unitPrice,
          taxRateBps: 0,
        },
      ],
      subject: { type: SHARE_SUBSCRIPTION_SUBJECT, id: row.id },
      issuedByUserId: ctx.actor.userId,
    });
    await this.subscriptions.approve(row.id, {
      memberId,
      capitalReleaseId: crr.id,
      at: ctx.decidedAt,
      by: ctx.actor.name,
    });
  }

  async onRefused(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const row = await this.lockFor(ctx.subjectId, 'refused');
    await this.subscriptions.close(row.id, 'refused', { at: ctx.decidedAt, by: ctx.actor.name, note: reason });
  }

  async onCancelled(ctx: ApprovalOutcomeContext, reason: string): Promise<void> {
    const row = await this.lockFor(ctx.subjectId, 'cancelled');
    await this.subscriptions.close(row.id, 'cancelled', { at: ctx.decidedAt, by: ctx.actor.name, note: reason });
  }

  /**
   * A new holder's member record, made or matched — a person by e-mail (they may be a member or
   * a representative already), an organisation by registration number with its representatives
   * matched by e-mail — never duplicated, and an existing membership left as it is. A record made
   * now is `upcoming` for a class that makes members (paying makes them one), else `non-member`.
   */
  private async makeOrMatchHolder(
    row: ShareSubscriptionRow,
    shareClass: ShareClass,
    ctx: ApprovalOutcomeContext,
  ): Promise<string> {
    const common = {
      planId: shareClass.planId,
      locale: row.locale,
      source: { type: 'application' as const, id: row.id, reference: row.reference },
      actor: ctx.actor.userId ? { kind: 'user' as const, id: ctx.actor.userId } : undefined,
      keepExistingMembership: true,
      newMemberStatus: shareClass.makesMember ? ('upcoming' as const) : ('non-member' as const),
    };
    if (row.organisation)
      return (
        await this.members.createOrMatchFromApplication({
          ...common,
          kind: 'organisation',
          organisation: row.organisation,
        })
      ).memberId;
    if (!row.person) throw new Error(`Share subscription ${row.id} names no holder`);
    const member = await this.members.createOrMatchFromApplication({ ...common, kind: 'person', person: row.person });
    return member.memberId;
  }

  private async lockFor(id: string, to: ShareSubscriptionState): Promise<ShareSubscriptionRow> {
    const row = await this.subscriptions.find(id, true);
    if (!row) throw new Error(`No share subscription ${id} for its approval request`);
    const refusal = transitionRefusal(row.state, to);
    if (refusal) throw ProblemException.conflict(`${row.reference}: ${refusal}`, 'illegal-transition');
    return row;
  }
}
