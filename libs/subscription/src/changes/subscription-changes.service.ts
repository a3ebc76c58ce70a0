import { Injectable } from '@nestjs/common';
import {
  BillingDocumentsService,
  BulkProFormasService,
  priceLines,
  type IssuedDocument,
  type ProFormaToIssue,
} from '@tessera/billing';
import { ProblemException, Transactions } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { PlansService, type PlanBilling } from '@tessera/plans';
import type { Subscription } from '../entities/subscription.entity';
import { addDays, compareLocalDates, periodContaining, type LocalDate, type Period } from '../periods';
import { SubscriptionRepository, type SubscriptionRow } from '../subscription.repository';
import { planChangeReason, subscriptionNotFound, SubscriptionService } from '../subscription.service';
import { SUBSCRIPTION_SUBJECT } from '../subscription.types';
import { planChangeRefusal, type PlanChangeEffect } from './plan-change-rules';
import { proRataCharge, type ProRata } from './pro-rata';

/** A plan as a change shows it: name, net price per period and its gross. */
export interface QuotedPlan {
  id: string;
  name: string;
  currency: string;
  net: number;
  gross: number;
}

/** What a plan change would do, worked out before anything is written (a preview, or the change itself). */
export interface PlanChangeQuote {
  subscriptionId: string;
  memberId: string;
  effect: PlanChangeEffect;
  from: QuotedPlan;
  to: QuotedPlan;
  /** The first day on the new plan: today, or the next period's start. */
  effectiveOn: LocalDate;
  currentPeriod: Period;
  /** "now" only: the days charged and the pro-rata invoice's amounts. */
  proRata: (ProRata & { tax: number; gross: number; taxRateBps: number }) | null;
}

/** What a termination would do. */
export interface TerminationQuote {
  subscriptionId: string;
  memberId: string;
  /** The last day of membership. */
  endsOn: LocalDate;
  currentPeriod: Period;
}

/**
 * Changes a live subscription by request (issue 17): a plan change from today (with a pro-rata
 * invoice) or from the next period, and a termination on a date. Each runs in the caller's
 * transaction (an approval's decision) with the subscription row locked, and puts the renewal
 * pro-formas right: those already issued for later periods are cancelled, and re-issued on the
 * new plan when the membership goes on.
 */
@Injectable()
export class SubscriptionChangesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionRepository,
    private readonly service: SubscriptionService,
    private readonly plans: PlansService,
    private readonly billing: BillingDocumentsService,
    private readonly proFormas: BulkProFormasService,
    private readonly members: MembersService,
  ) {}

  /** The live subscription (else the latest) of the members `members` (SQL of their ids from `value`). */
  currentOf(members: { name: string; sql: (placeholder: string) => string }, value: unknown) {
    return this.subscriptions.findCurrentOfMembers(members, value);
  }

  /** A member's live subscription row, or null. */
  async liveOf(memberId: string): Promise<SubscriptionRow | null> {
    const live = await this.subscriptions.findLiveOf(memberId);
    return live ? this.subscriptions.findDetail(live.id) : null;
  }

  /** What moving this subscription to `toPlanId` would do; a 409 saying why it may not. */
  async quotePlanChange(subscriptionId: string, toPlanId: string, effect: PlanChangeEffect): Promise<PlanChangeQuote> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (!subscription) throw subscriptionNotFound();
    return this.quote(subscription, toPlanId, effect, await this.billing.today());
  }

  /** What terminating on `endsOn` (null: the current period's end) would do; a 409/400 saying why not. */
  async quoteTermination(subscriptionId: string, endsOn: LocalDate | null): Promise<TerminationQuote> {
    const subscription = await this.subscriptions.findById(subscriptionId);
    if (!subscription) throw subscriptionNotFound();
    return this.terminationQuote(subscription, endsOn);
  }

  /**
   * Moves the subscription to another plan. "now": from today, with an invoice for the price
   * difference over the days left (none when nothing is left to charge); "renewal": from the next
   * period. Either way open pro-formas of later periods are cancelled and re-issued on the new plan.
   */
  async changePlan(
    subscriptionId: string,
    toPlanId: string,
    effect: PlanChangeEffect,
    why: string,
    actorUserId: string | null,
  ): Promise<{ quote: PlanChangeQuote; invoice: IssuedDocument | null; reissued: number }> {
    return this.transactions.run(async () => {
      const subscription = await this.lockLive(subscriptionId);
      const quote = await this.quote(subscription, toPlanId, effect, await this.billing.today());
      const names = new Map([
        [quote.from.id, quote.from.name],
        [quote.to.id, quote.to.name],
      ]);
      let invoice: IssuedDocument | null = null;
      if (effect === 'now') {
        subscription.planId = toPlanId;
        subscription.nextPlanId = null;
        await this.members.changePlan(subscription.memberId, toPlanId);
        if (quote.proRata && quote.proRata.daysLeft > 0)
          invoice = await this.billing.issue({
            kind: 'invoice',
            memberId: subscription.memberId,
            currency: quote.to.currency,
            lines: [
              {
                description: proRataLine(quote, quote.proRata),
                period: { start: quote.proRata.from, end: quote.proRata.to },
                quantity: 1,
                unitPrice: quote.proRata.amount,
                taxRateBps: quote.proRata.taxRateBps,
              },
            ],
            period: { start: quote.proRata.from, end: quote.proRata.to },
            subject: { type: SUBSCRIPTION_SUBJECT, id: subscription.id },
            issuedByUserId: actorUserId,
          });
      } else subscription.nextPlanId = toPlanId;
      await this.service.note(
        subscription,
        `${planChangeReason(names, quote.from.id, toPlanId, quote.effectiveOn)} (${why})`,
        actorUserId,
      );
      const reissued = await this.reissueLaterProFormas(subscription, toPlanId, why);
      return { quote, invoice, reissued };
    });
  }

  /**
   * Ends the membership on `endsOn` (its last day; null: the current period's end). The
   * subscription stays active until then — the status engine moves the member on that date —
   * and open pro-formas for periods after it are cancelled.
   */
  async scheduleTermination(
    subscriptionId: string,
    endsOn: LocalDate | null,
    why: string,
    actorUserId: string | null,
  ): Promise<{ quote: TerminationQuote; cancelled: number }> {
    return this.transactions.run(async () => {
      const subscription = await this.lockLive(subscriptionId);
      // The day was valid when chosen; a renewal paid since (waited for above) may have moved past it.
      if (endsOn && compareLocalDates(endsOn, subscription.currentPeriodEnd) < 0)
        throw ProblemException.conflict(
          `This membership was renewed through ${subscription.currentPeriodEnd} after ${endsOn} was chosen as its ` +
            'last day, so it can no longer end then: refuse this request, or end it on a later date.',
          'termination-date-passed',
        );
      const quote = await this.terminationQuote(subscription, endsOn);
      subscription.endsOn = quote.endsOn;
      subscription.endReason = why;
      await this.service.note(subscription, `Ends on ${quote.endsOn}: ${why}`, actorUserId);
      const cancelled = await this.billing.cancelOpenProFormas(
        { type: SUBSCRIPTION_SUBJECT, id: subscription.id },
        addDays(quote.endsOn, 1),
        `Membership ends on ${quote.endsOn}`,
      );
      return { quote, cancelled: cancelled.length };
    });
  }

  private async quote(
    subscription: Subscription,
    toPlanId: string,
    effect: PlanChangeEffect,
    today: LocalDate,
  ): Promise<PlanChangeQuote> {
    if (subscription.state !== 'active')
      throw ProblemException.conflict(
        'Your membership has not started yet (its first invoice is unpaid): pay it before changing plan.',
        'subscription-not-active',
      );
    if (subscription.endsOn)
      throw ProblemException.conflict(
        `Your membership ends on ${subscription.endsOn}: it can no longer change plan.`,
        'subscription-ending',
      );
    const plans = await this.plans.billingOf([subscription.planId, toPlanId]);
    const from = plans.get(subscription.planId);
    const to = plans.get(toPlanId);
    if (!from) throw new Error(`Subscription ${subscription.id} is on plan ${subscription.planId}, which is gone`);
    if (!to) throw ProblemException.validation([{ field: 'planId', message: 'is not a plan' }]);
    const refusal = planChangeRefusal(from, to, effect);
    if (refusal) throw ProblemException.conflict(refusal, 'plan-change-refused');
    const currentPeriod = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
    const nextStart = addDays(currentPeriod.end, 1);
    let proRata: PlanChangeQuote['proRata'] = null;
    if (effect === 'now') {
      const cycle = periodContaining(from, subscription.cycleAnchor, currentPeriod.end);
      const charge = proRataCharge(to.price.amount - from.price.amount, today, currentPeriod, cycle);
      const { totals } = priceLines([{ quantity: 1, unitPrice: charge.amount, taxRateBps: to.taxRateBps }]);
      proRata = { ...charge, tax: totals.tax, gross: totals.gross, taxRateBps: to.taxRateBps };
    }
    return {
      subscriptionId: subscription.id,
      memberId: subscription.memberId,
      effect,
      from: quoted(from),
      to: quoted(to),
      effectiveOn: effect === 'now' ? (compareLocalDates(today, nextStart) < 0 ? today : nextStart) : nextStart,
      currentPeriod,
      proRata,
    };
  }

  private async terminationQuote(subscription: Subscription, endsOn: LocalDate | null): Promise<TerminationQuote> {
    if (subscription.state !== 'active')
      throw ProblemException.conflict(
        'This membership has not started (its first invoice is unpaid): staff cancel it instead.',
        'subscription-not-active',
      );
    if (subscription.endsOn)
      throw ProblemException.conflict(`This membership already ends on ${subscription.endsOn}.`, 'subscription-ending');
    const periodEnd = subscription.currentPeriodEnd;
    const last = endsOn ?? periodEnd;
    if (compareLocalDates(last, periodEnd) < 0)
      throw ProblemException.validation([
        { field: 'effectiveDate', message: `must be on or after the end of the current period, ${periodEnd}` },
      ]);
    return {
      subscriptionId: subscription.id,
      memberId: subscription.memberId,
      endsOn: last,
      currentPeriod: { start: subscription.currentPeriodStart, end: periodEnd },
    };
  }

  /** Open pro-formas after the current period were priced on the old plan: cancelled, and issued again on the new one. */
  private async reissueLaterProFormas(subscription: Subscription, planId: string, why: string): Promise<number> {
    const cancelled = await this.billing.cancelOpenProFormas(
      { type: SUBSCRIPTION_SUBJECT, id: subscription.id },
      addDays(subscription.currentPeriodEnd, 1),
      `Plan changed: ${why}`,
    );
    if (cancelled.length === 0) return 0;
    const plan = (await this.plans.billingOf([planId])).get(planId) as PlanBilling;
    const items: ProFormaToIssue[] = cancelled.map(({ period }) => ({
      memberId: subscription.memberId,
      subjectId: subscription.id,
      periodStart: period.start,
      periodEnd: period.end,
      description: plan.name,
      unitPrice: plan.price.amount,
      taxRateBps: plan.taxRateBps,
      currency: plan.price.currency,
    }));
    return (await this.proFormas.issue(SUBSCRIPTION_SUBJECT, items)).issued;
  }

  /**
   * Locks the subscription for a change, its open pro-formas first: paying one locks the document
   * and then, settling it, the subscription; a change that may cancel them takes the same two locks
   * in the same order, else the two deadlock (docs/architecture.md, "Lock order").
   */
  private async lockLive(id: string): Promise<Subscription> {
    await this.billing.lockOpenProFormas({ type: SUBSCRIPTION_SUBJECT, id });
    const subscription = await this.subscriptions.lockById(id);
    if (!subscription) throw subscriptionNotFound();
    return subscription;
  }
}

function quoted(plan: PlanBilling): QuotedPlan {
  const { totals } = priceLines([{ quantity: 1, unitPrice: plan.price.amount, taxRateBps: plan.taxRateBps }]);
  return { id: plan.id, name: plan.name, currency: plan.price.currency, net: plan.price.amount, gross: totals.gross };
}

/** The pro-rata line says both plans and the days: "Change of plan from A to B: 297 of 365 days". */
function proRataLine(quote: PlanChangeQuote, proRata: ProRata): string {
  return `Change of plan from ${quote.from.name} to ${quote.to.name}: ${proRata.daysLeft} of ${proRata.fullDays} days`;
}
