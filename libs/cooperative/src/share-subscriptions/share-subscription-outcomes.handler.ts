import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import { BillingDocumentsService } from '@tessera/billing';
import { ProblemException } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { ShareClassesService } from '../share-classes/share-classes.service';
import { ShareRegisterRepository } from '../share-register/share-register.repository';
import { transitionRefusal, type ShareSubscriptionState } from '../share-subscription-state';
import { ShareSubscriptionRepository, type ShareSubscriptionRow } from './share-subscription.repository';

export const SHARE_SUBSCRIPTION_SUBJECT = 'share_subscription' as const;

/**
 * What a share subscription's approval decides, inside the decision's transaction: approved → the
 * holder's record is made or matched (never duplicated; an existing membership is left as it is),
 * the holder becomes a candidate cooperator and a capital release request is issued (billing
 * e-mails it with its PDF); refused or cancelled → the request closes with the reason.
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
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const row = await this.lockFor(ctx.subjectId, 'approved');
    const shareClass = await this.classes.byId(row.shareClassId);
    if (!shareClass) throw new Error(`Share class ${row.shareClassId} vanished`);
    const memberId = row.existingMemberId ?? (await this.matchPerson(row, shareClass.planId, ctx));
    await this.register.ensureCandidate(memberId, ctx.decidedAt);
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

  /** A new holder: matched by e-mail (they may be a member or a representative already) or made. */
  private async matchPerson(row: ShareSubscriptionRow, planId: string, ctx: ApprovalOutcomeContext): Promise<string> {
    if (!row.person) throw new Error(`Share subscription ${row.id} names no holder`);
    const member = await this.members.createOrMatchFromApplication({
      kind: 'person',
      person: {
        firstName: row.person.firstName,
        lastName: row.person.lastName,
        email: row.person.email,
        phone: row.person.phone ?? null,
        address: (row.person.address as never) ?? null,
      },
      planId,
      locale: row.locale,
      source: { type: 'staff', id: row.id, reference: row.reference },
      actor: ctx.actor.userId ? { kind: 'user', id: ctx.actor.userId } : undefined,
      keepExistingMembership: true,
    });
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
