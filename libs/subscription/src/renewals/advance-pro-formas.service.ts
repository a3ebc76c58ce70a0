import { Injectable } from '@nestjs/common';
import { BulkProFormasService, type ProFormaToIssue } from '@tessera/billing';
import { ProblemException, Transactions } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import { periodAfter, type Period } from '../periods';
import { SubscriptionRepository } from '../subscription.repository';
import { subscriptionNotFound } from '../subscription.service';
import { SUBSCRIPTION_SUBJECT } from '../subscription.types';

export const MAX_ADVANCE_PERIODS = 5;

/**
 * Pro-formas for the next 1 to 5 periods at once (a member paying three years ahead). They follow
 * the current period without gaps or overlaps; a period that already has one keeps it.
 */
@Injectable()
export class AdvanceProFormasService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: SubscriptionRepository,
    private readonly plans: PlansService,
    private readonly proFormas: BulkProFormasService,
  ) {}

  async issue(subscriptionId: string, periods: number): Promise<{ periods: Period[]; issued: number }> {
    return this.transactions.run(async () => {
      const subscription = await this.subscriptions.lockById(subscriptionId);
      if (!subscription) throw subscriptionNotFound();
      if (subscription.state !== 'active' && subscription.state !== 'pending')
        throw ProblemException.conflict(`This subscription is ${subscription.state}: it renews no more.`, 'not-live');
      if (subscription.endsOn)
        throw ProblemException.conflict(
          `This subscription ends on ${subscription.endsOn} (its renewal was declined): reopen the renewal first.`,
          'ending',
        );
      // Later periods are billed on the plan it renews on (a change "at renewal" included).
      const planId = subscription.nextPlanId ?? subscription.planId;
      const plan = (await this.plans.billingOf([planId])).get(planId);
      if (!plan) throw new Error(`Subscription ${subscription.id} is on plan ${planId}, which is gone`);
      const following: Period[] = [];
      let period: Period = { start: subscription.currentPeriodStart, end: subscription.currentPeriodEnd };
      for (let i = 0; i < Math.min(periods, MAX_ADVANCE_PERIODS); i += 1) {
        period = periodAfter(plan, subscription.cycleAnchor, period);
        following.push(period);
      }
      const items: ProFormaToIssue[] = following.map((next) => ({
        memberId: subscription.memberId,
        subjectId: subscription.id,
        periodStart: next.start,
        periodEnd: next.end,
        description: plan.name,
        unitPrice: plan.price.amount,
        taxRateBps: plan.taxRateBps,
        currency: plan.price.currency,
      }));
      const outcome = await this.proFormas.issue(SUBSCRIPTION_SUBJECT, items);
      return { periods: following, issued: outcome.issued };
    });
  }
}
