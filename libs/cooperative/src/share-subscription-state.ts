/**
 * The life of a share subscription request (issue 18): under review, then approved (a capital
 * release request is issued) and paid (the shares are in the register), or refused or cancelled.
 */
export const SHARE_SUBSCRIPTION_STATES = ['pending', 'approved', 'paid', 'refused', 'cancelled'] as const;
export type ShareSubscriptionState = (typeof SHARE_SUBSCRIPTION_STATES)[number];

const ALLOWED: Record<ShareSubscriptionState, readonly ShareSubscriptionState[]> = {
  pending: ['approved', 'refused', 'cancelled'],
  // Paid in full: the shares are issued. Nothing else moves an approved request (a partial payment leaves it approved).
  approved: ['paid'],
  paid: [],
  refused: [],
  cancelled: [],
};

export function canTransition(from: ShareSubscriptionState, to: ShareSubscriptionState): boolean {
  return ALLOWED[from].includes(to);
}

/** Why a change is refused, in words staff understand (null when it is allowed). */
export function transitionRefusal(from: ShareSubscriptionState, to: ShareSubscriptionState): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `This share subscription is already ${from}.`;
  return `This share subscription is ${from}; it cannot become ${to}.`;
}
