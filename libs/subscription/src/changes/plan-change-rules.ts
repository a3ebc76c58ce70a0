import type { PlanBilling } from '@tessera/plans';

/** When a plan change takes effect: today (charged pro rata) or with the next period. */
export const PLAN_CHANGE_EFFECTS = ['now', 'renewal'] as const;
export type PlanChangeEffect = (typeof PLAN_CHANGE_EFFECTS)[number];

/**
 * Why a subscription on `from` may not move to `to` (null when it may). The new plan must bill
 * the same cycle (period, anchoring) in the same currency, so the subscription's periods, anchor
 * and the price difference keep their meaning; a lower price takes effect at renewal only (no
 * refunds mid-period).
 */
export function planChangeRefusal(from: PlanBilling, to: PlanBilling, effect: PlanChangeEffect): string | null {
  if (from.id === to.id) return 'You are already on this plan.';
  if (!to.active) return `${to.name} is no longer offered.`;
  if (to.price.currency !== from.price.currency) return `${to.name} is billed in another currency.`;
  if (!sameCycle(from, to)) return `${to.name} renews on another cycle than your membership.`;
  if (effect === 'now' && to.price.amount < from.price.amount)
    return `${to.name} costs less: a lower price takes effect at your next renewal only.`;
  return null;
}

/** Whether two plans bill the same periods from the same anchor. */
export function sameCycle(a: PlanBilling, b: PlanBilling): boolean {
  return (
    a.periodCount === b.periodCount &&
    a.periodUnit === b.periodUnit &&
    a.billingAnchor === b.billingAnchor &&
    (a.calendarAnchor?.month ?? null) === (b.calendarAnchor?.month ?? null) &&
    (a.calendarAnchor?.day ?? null) === (b.calendarAnchor?.day ?? null)
  );
}
