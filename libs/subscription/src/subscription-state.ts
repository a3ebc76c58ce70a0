/**
 * The life of a subscription (issue 13): `pending` until its first invoice is settled, then
 * `active`; `ended` when staff (or, later, a termination) end it; `cancelled` when it never
 * started (its first invoice credited, or staff cancelling it before payment).
 */
export const SUBSCRIPTION_STATES = ['pending', 'active', 'ended', 'cancelled'] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** States in which a subscription is the member's one live subscription (a partial unique index). */
export const LIVE_STATES: readonly SubscriptionState[] = ['pending', 'active'];

const ALLOWED: Record<SubscriptionState, readonly SubscriptionState[]> = {
  pending: ['active', 'cancelled'],
  active: ['ended'],
  ended: [],
  cancelled: [],
};

export function canTransition(from: SubscriptionState, to: SubscriptionState): boolean {
  return ALLOWED[from].includes(to);
}

/** Why a change is refused, in words staff understand (null when it is allowed). */
export function transitionRefusal(from: SubscriptionState, to: SubscriptionState): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `This subscription is already ${from}.`;
  if (from === 'pending' && to === 'ended')
    return 'This subscription has not started (its first invoice is unpaid): cancel it instead of ending it.';
  if (from === 'active' && to === 'cancelled')
    return 'This subscription has started: end it with an effective date instead of cancelling it.';
  return `This subscription is ${from}; it cannot become ${to}.`;
}

/** Where a subscription came from. */
export const SUBSCRIPTION_ORIGINS = ['application', 'order', 'staff'] as const;
export type SubscriptionOrigin = (typeof SUBSCRIPTION_ORIGINS)[number];
