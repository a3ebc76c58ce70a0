/** The life of an order: recorded as `pending`, then confirmed (the sale is final) or cancelled. */
export const ORDER_STATUSES = ['pending', 'confirmed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['confirmed', 'cancelled'],
  confirmed: [],
  cancelled: [],
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED[from].includes(to);
}

/**
 * Why a change is refused (null when allowed). Confirming a confirmed order is not a change but a
 * replay, which the service answers with the first confirmation; it never reaches this rule.
 */
export function transitionRefusal(from: OrderStatus, to: OrderStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `This order is already ${from}.`;
  return `This order is ${from}; it can no longer be ${to === 'confirmed' ? 'confirmed' : 'cancelled'}.`;
}
