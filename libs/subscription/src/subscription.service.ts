import { Injectable } from '@nestjs/common';
import { BillingDocumentsService, prorate, type LineToBill } from '@tessera/billing';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { PlansService, type PlanBilling } from '@tessera/plans';
import { addDays, firstPeriod, type FirstPeriod } from './periods';
import { SubscriptionRepository } from './subscription.repository';
import { MemberStatusService } from './statuses/member-status.service';
import { transitionRefusal, type SubscriptionState } from './subscription-state';
import {
  SUBSCRIPTION_SUBJECT,
  type SubscribeOutcome,
  type SubscribeRequest,
  type SubscriptionCharge,
} from './subscription.types';
import type { Subscription } from './entities/subscription.entity';

/**
 * Subscriptions and their first invoice. Every method runs in the caller's transaction when
 * there is one, so an approval's outcome, its subscription and its invoice commit together.
 */
@Injectable()
export class SubscriptionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlansService,
    private readonly billing: BillingDocumentsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
    private readonly statuses: MemberStatusService,
  ) {}

  /**
   * Subscribes a member to a plan from a start date and issues the first invoice (0 allowed: it
   * is settled at once and the subscription is active). A member who already has a live
   * subscription gets none: the outcome says which one they have.
   */
  async subscribe(request: SubscribeRequest): Promise<SubscribeOutcome> {
    return this.transactions.run(async () => {
      const charges = request.charges ?? [];
      const planIds = [request.planId, ...charges.map((charge) => charge.planId)];
      const plans = await this.plans.billingOf(planIds);
      const plan = plans.get(request.planId);
      if (!plan) throw ProblemException.validation([{ field: 'planId', message: 'is not a plan' }]);
      const startDate = request.startDate ?? (await this.billing.today());
      const period = firstPeriod(plan, startDate);
      const now = this.clock.now();
      const subscriptionId = await this.subscriptions.insertIfNoneLive({
        memberId: request.memberId,
        planId: plan.id,
        nextPlanId: null,
        state: 'pending',
        origin: request.origin.type,
        originId: request.origin.id,
        originReference: request.origin.reference,
        startDate,
        cycleAnchor: period.anchor,
        currentPeriodStart: period.start,
        currentPeriodEnd: period.end,
        endsOn: null,
        endReason: null,
        createdAt: now,
        updatedAt: now,
      });
      if (!subscriptionId) {
        const live = await this.subscriptions.findLiveOf(request.memberId);
        if (!live) throw new Error(`Member ${request.memberId} has no live subscription, yet one blocked the insert`);
        return { created: false, existing: { id: live.id, state: live.state } };
      }
      await this.subscriptions.addEvent({
        subscriptionId,
        fromState: null,
        toState: 'pending',
        reason: originReason(request.origin),
        actorUserId: request.actorUserId ?? null,
        occurredAt: now,
      });
      const invoice = await this.billing.issue({
        kind: 'invoice',
        memberId: request.memberId,
        currency: plan.price.currency,
        lines: linesOf(plan, plans, charges, period),
        period: { start: period.start, end: period.end },
        subject: { type: SUBSCRIPTION_SUBJECT, id: subscriptionId },
        issuedByUserId: request.actorUserId ?? null,
      });
      // A zero invoice was settled inside `issue`, which made the subscription active.
      const state: SubscriptionState = invoice.state === 'paid' ? 'active' : 'pending';
      return { created: true, subscriptionId, state, invoice };
    });
  }

  /**
   * Ends an active subscription on an effective date, or cancels one not yet started (its first
   * invoice unpaid). Ending again is refused: the subscription is no longer live.
   */
  async end(id: string, reason: string, effectiveDate: string, actorUserId: string | null): Promise<void> {
    await this.transactions.run(async () => {
      const subscription = await this.subscriptions.lockById(id);
      if (!subscription) throw subscriptionNotFound();
      const to: SubscriptionState = subscription.state === 'pending' ? 'cancelled' : 'ended';
      if (to === 'ended' && effectiveDate < subscription.startDate)
        throw ProblemException.validation([
          { field: 'effectiveDate', message: `must be on or after the start date, ${subscription.startDate}` },
        ]);
      await this.move(subscription, to, reason, actorUserId, (row) => {
        row.endReason = reason;
        if (to === 'ended') row.endsOn = effectiveDate;
      });
      await this.statuses.refresh(subscription.memberId, actorUserId ? { kind: 'user', id: actorUserId } : undefined);
    });
  }

  /**
   * The next period is paid: the subscription (locked by the caller) now runs through it. Only
   * the period right after the current one moves it; one paid further ahead waits its turn.
   */
  async enterPeriod(subscription: Subscription, period: { start: string; end: string }): Promise<void> {
    if (period.start !== addDays(subscription.currentPeriodEnd, 1)) return;
    subscription.currentPeriodStart = period.start;
    subscription.currentPeriodEnd = period.end;
    subscription.updatedAt = this.clock.now();
    if (subscription.nextPlanId) {
      // A plan change "at renewal" takes effect with the period it was scheduled for.
      const [from, to] = [subscription.planId, subscription.nextPlanId];
      const names = await this.plans.namesOf([from, to]);
      subscription.planId = to;
      subscription.nextPlanId = null;
      await this.record(subscription, subscription.state, planChangeReason(names, from, to, period.start), null);
      await this.members.changePlan(subscription.memberId, to);
      return;
    }
    await this.subscriptions.save(subscription);
  }

  /**
   * A renewal period's invoice is unpaid again (a payment reversed): the active subscription
   * (locked by the caller) steps back to the period before it, so its current period still ends
   * where payments without a gap reach. `previousStart` is that period's start. The first period
   * is never stepped back from: there is no period before it.
   */
  async leavePeriod(
    subscription: Subscription,
    period: { start: string; end: string },
    previousStart: string,
    reason: string,
  ): Promise<void> {
    if (subscription.state !== 'active' || period.start <= subscription.startDate) return;
    if (period.start > subscription.currentPeriodEnd) return;
    subscription.currentPeriodStart = previousStart;
    subscription.currentPeriodEnd = addDays(period.start, -1);
    await this.record(subscription, subscription.state, reason, null);
  }

  /** A declined renewal: the live subscription (locked by the caller) ends with its current period. */
  async scheduleEnd(subscription: Subscription, reason: string): Promise<void> {
    subscription.endsOn = subscription.currentPeriodEnd;
    subscription.endReason = reason;
    await this.record(subscription, subscription.state, reason, null);
  }

  async cancelScheduledEnd(subscription: Subscription, reason: string): Promise<void> {
    if (subscription.state !== 'active' && subscription.state !== 'pending') return;
    subscription.endsOn = null;
    subscription.endReason = null;
    await this.record(subscription, subscription.state, reason, null);
  }

  /** Saves a change that keeps the state (a plan change, an end date) and records why. */
  async note(subscription: Subscription, reason: string, actorUserId: string | null): Promise<void> {
    await this.record(subscription, subscription.state, reason, actorUserId);
  }

  private async record(subscription: Subscription, to: SubscriptionState, reason: string, actorUserId: string | null) {
    const now = this.clock.now();
    const from = subscription.state;
    subscription.state = to;
    subscription.updatedAt = now;
    await this.subscriptions.save(subscription);
    await this.subscriptions.addEvent({
      subscriptionId: subscription.id,
      fromState: from,
      toState: to,
      reason,
      actorUserId,
      occurredAt: now,
    });
  }

  /** Moves a subscription (locked by the caller) and records why. */
  async move(
    subscription: Subscription,
    to: SubscriptionState,
    reason: string,
    actorUserId: string | null,
    change: (subscription: Subscription) => void = () => undefined,
  ): Promise<void> {
    const refusal = transitionRefusal(subscription.state, to);
    if (refusal) throw ProblemException.conflict(refusal, 'illegal-transition');
    change(subscription);
    await this.record(subscription, to, reason, actorUserId);
  }
}

/** The history's words for a plan change. */
export function planChangeReason(names: Map<string, string>, from: string, to: string, on: string): string {
  return `Plan changed from ${names.get(from) ?? from} to ${names.get(to) ?? to} from ${on}`;
}

export function subscriptionNotFound(): ProblemException {
  return ProblemException.notFound('No subscription has this id.', 'subscription-not-found');
}

function originReason(origin: SubscribeRequest['origin']): string {
  const reference = origin.reference ? ` ${origin.reference}` : '';
  switch (origin.type) {
    case 'application':
      return `Application${reference} approved`;
    case 'order':
      return `Order${reference} confirmed`;
    case 'staff':
      return 'Subscribed by staff';
  }
}

/**
 * The first invoice's lines: the plan for the first period (prorated by days when the plan says
 * so), or an order's lines as priced at sale.
 */
function linesOf(
  plan: PlanBilling,
  plans: Map<string, PlanBilling>,
  charges: SubscriptionCharge[],
  period: FirstPeriod,
): LineToBill[] {
  const covered = { start: period.start, end: period.end };
  const charged = (price: number) =>
    period.proration ? prorate(price, period.proration.chargedDays, period.proration.fullDays) : price;
  if (charges.length === 0)
    return [
      {
        description: plan.name,
        period: covered,
        quantity: 1,
        unitPrice: charged(plan.price.amount),
        taxRateBps: plan.taxRateBps,
      },
    ];
  return charges.map((charge) => {
    const chargePlan = plans.get(charge.planId);
    if (!chargePlan) throw ProblemException.validation([{ field: 'planId', message: 'is not a plan' }]);
    return {
      description: chargePlan.name,
      period: covered,
      quantity: charge.quantity,
      unitPrice: charge.planId === plan.id ? charged(charge.unitPrice) : charge.unitPrice,
      taxRateBps: chargePlan.taxRateBps,
    };
  });
}
