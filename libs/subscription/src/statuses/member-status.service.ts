import { Injectable, Logger } from '@nestjs/common';
import { BillingDocumentsService } from '@tessera/billing';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { canTransition, MembersService, type MemberActor, type MemberStatus } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import type { Subscription } from '../entities/subscription.entity';
import { SubscriptionRepository } from '../subscription.repository';
import { SUBSCRIPTION_SUBJECT } from '../subscription.types';
import { memberStatusAsOf, type StatusInput, type StatusVerdict } from './member-status-engine';
import { StatusMailer } from './status-mailer';

const SYSTEM: MemberActor = { kind: 'system', id: null };

/**
 * The status engine at work on one member: what their status is as of a date and why, and the
 * immediate change when money or a person moves it (a settlement, a decline, an end), inside the
 * caller's transaction. The daily sweep makes the changes time makes (StatusSweepsService).
 */
@Injectable()
export class MemberStatusService {
  private readonly logger = new Logger(MemberStatusService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlansService,
    private readonly billing: BillingDocumentsService,
    private readonly members: MembersService,
    private readonly mailer: StatusMailer,
    private readonly clock: Clock,
  ) {}

  /** The organisation's today. */
  today(): Promise<string> {
    return this.billing.today();
  }

  /** The member's status on `asOf` (default today) and why; 404 for an unknown member. */
  async verdict(
    memberId: string,
    asOf?: string,
  ): Promise<{ stored: { status: MemberStatus; overridden: boolean }; verdict: StatusVerdict; asOf: string }> {
    const stored = await this.members.statusOf(memberId);
    const day = asOf ?? (await this.today());
    const input = await this.inputOf(memberId);
    const override = stored.override ? { ...stored.override, status: stored.status } : null;
    return {
      stored: { status: stored.status, overridden: override !== null },
      verdict: memberStatusAsOf({ ...input, override }, day),
      asOf: day,
    };
  }

  /**
   * Brings the member's status in line with the engine as of today, in the caller's transaction
   * (which has locked the subscription that changed, if any): records the change with its reason
   * and e-mails the member; a lapse ends the subscription. An illegal move is logged, not thrown:
   * a payment must never fail because of a status.
   */
  async refresh(memberId: string, actor: MemberActor = SYSTEM): Promise<void> {
    await this.transactions.run(async () => {
      const stored = await this.members.lockStatus(memberId);
      const override = stored.override ? { ...stored.override, status: stored.status } : null;
      const today = await this.today();
      const input = await this.inputOf(memberId);
      const verdict = memberStatusAsOf({ ...input, override }, today);
      if (verdict.reason.code === 'overridden') return;
      if (verdict.status !== stored.status && !canTransition(stored.status, verdict.status)) {
        this.logger.warn(`Member ${memberId}: the engine says ${verdict.status}, which ${stored.status} cannot become`);
        return;
      }
      const changes = verdict.status !== stored.status;
      await this.members.changeStatus(
        memberId,
        verdict.status,
        { text: verdict.reasonText, code: verdict.reason.code, params: verdict.reason.params },
        actor,
      );
      if (!changes) return;
      const endedOn = verdict.lapsed ? await this.endLapsed(input, verdict) : endDateOf(input, verdict);
      await this.mailer.send(memberId, verdict, endedOn);
    });
  }

  /**
   * An admin sets the status by hand with a reason; it holds until the engine's own verdict
   * changes (the next money or date event). Setting the status the member already has: 409.
   */
  async override(memberId: string, to: MemberStatus, reason: string, actor: MemberActor): Promise<void> {
    await this.transactions.run(async () => {
      const stored = await this.members.lockStatus(memberId);
      if (stored.status === to)
        throw ProblemException.conflict(`This member's status is already "${to}".`, 'status-unchanged');
      const engine = memberStatusAsOf(await this.inputOf(memberId), await this.today());
      await this.members.overrideStatus(
        memberId,
        to,
        {
          text: `Set by hand: ${reason} (until the next payment or date event)`,
          code: 'overridden',
          params: { reason, engineStatus: engine.status },
        },
        engine.status,
        actor,
      );
    });
  }

  /** What the engine reads of a member: every subscription with its plan's days, and their invoices. */
  async inputOf(memberId: string): Promise<StatusInput> {
    const subscriptions = await this.subscriptions.findAllOf(memberId);
    const plans = await this.plans.billingOf(subscriptions.map((s) => s.planId));
    const invoices = await this.billing.subjectInvoices(
      SUBSCRIPTION_SUBJECT,
      subscriptions.map((s) => s.id),
    );
    return {
      subscriptions: subscriptions.map((s) => ({
        id: s.id,
        state: s.state,
        startDate: s.startDate,
        currentPeriodStart: s.currentPeriodStart,
        currentPeriodEnd: s.currentPeriodEnd,
        endsOn: s.endsOn,
        endReason: s.endReason,
        graceDays: plans.get(s.planId)?.graceDays ?? 0,
        lapseDays: plans.get(s.planId)?.lapseDays ?? 0,
      })),
      documents: invoices.map((invoice) => ({
        number: invoice.number,
        subscriptionId: invoice.subjectId,
        period: { start: invoice.periodStart, end: invoice.periodEnd },
        issueDate: invoice.issueDate,
        settledOn: invoice.settledOn,
      })),
    };
  }

  /** A lapse ends the subscription on its last paid day, the reason recorded (as the sweep does). */
  private async endLapsed(input: StatusInput, verdict: StatusVerdict): Promise<string | null> {
    const subscription = verdict.subscriptionId ? await this.subscriptions.lockById(verdict.subscriptionId) : null;
    if (!subscription || subscription.state !== 'active') return endDateOf(input, verdict);
    await this.endSubscription(subscription, `Lapsed: ${verdict.reasonText}`, subscription.currentPeriodEnd);
    return subscription.currentPeriodEnd;
  }

  private async endSubscription(subscription: Subscription, reason: string, endsOn: string): Promise<void> {
    const from = subscription.state;
    subscription.state = 'ended';
    subscription.endsOn = endsOn;
    subscription.endReason = reason;
    subscription.updatedAt = this.clock.now();
    await this.subscriptions.save(subscription);
    await this.subscriptions.addEvent({
      subscriptionId: subscription.id,
      fromState: from,
      toState: 'ended',
      reason,
      actorUserId: null,
      occurredAt: subscription.updatedAt,
    });
  }
}

function endDateOf(input: StatusInput, verdict: StatusVerdict): string | null {
  return input.subscriptions.find((s) => s.id === verdict.subscriptionId)?.endsOn ?? null;
}
