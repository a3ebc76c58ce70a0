import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext, type ApprovalSubjectHandler } from '@tessera/approval';
import { BillingDocumentsService } from '@tessera/billing';
import { ProblemException } from '@tessera/core';
import { ShareClassesService, type ShareClass } from '../share-classes/share-classes.service';
import { ShareHolderIntakeService, type ShareHolderIntake } from '../share-holders/share-holder-intake.service';
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
    private readonly holders: ShareHolderIntakeService,
    private readonly billing: BillingDocumentsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApproved(ctx: ApprovalOutcomeContext): Promise<void> {
    const row = await this.lockFor(ctx.subjectId, 'approved');
    const shareClass = await this.classes.byId(row.shareClassId);
    if (!shareClass) throw new Error(`Share class ${row.shareClassId} vanished`);
    const memberId = row.existingMemberId ?? (await this.holders.makeOrMatch(intakeOf(row, shareClass, ctx)));
    await this.holders.makeCandidate(memberId, ctx.decidedAt, {
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

  private async lockFor(id: string, to: ShareSubscriptionState): Promise<ShareSubscriptionRow> {
    const row = await this.subscriptions.find(id, true);
    if (!row) throw new Error(`No share subscription ${id} for its approval request`);
    const refusal = transitionRefusal(row.state, to);
    if (refusal) throw ProblemException.conflict(`${row.reference}: ${refusal}`, 'illegal-transition');
    return row;
  }
}

/** A new holder as the subscription gives them: a person or an organisation with its representatives. */
function intakeOf(row: ShareSubscriptionRow, shareClass: ShareClass, ctx: ApprovalOutcomeContext): ShareHolderIntake {
  const holder = row.organisation ? { organisation: row.organisation } : row.person ? { person: row.person } : null;
  if (!holder) throw new Error(`Share subscription ${row.id} names no holder`);
  return {
    holder,
    shareClass,
    locale: row.locale,
    source: { type: 'application', id: row.id, reference: row.reference },
    actorUserId: ctx.actor.userId ?? null,
  };
}
