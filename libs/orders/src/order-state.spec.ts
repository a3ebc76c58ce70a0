import { canTransition, ORDER_STATUSES, transitionRefusal, type OrderStatus } from './order-state';

describe('order state', () => {
  const legal: [OrderStatus, OrderStatus][] = [
    ['pending', 'confirmed'],
    ['pending', 'cancelled'],
  ];

  it.each(legal)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal(from, to)).toBeNull();
  });

  const illegal = ORDER_STATUSES.flatMap((from) =>
    ORDER_STATUSES.map((to) => [from, to] as [OrderStatus, OrderStatus]),
  ).filter(([from, to]) => !legal.some(([a, b]) => a === from && b === to));

  it.each(illegal)('refuses %s → %s with a reason', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toMatch(/^This order is/);
  });

  it('explains a final order in words', () => {
    expect(transitionRefusal('cancelled', 'confirmed')).toBe('This order is cancelled; it can no longer be confirmed.');
    expect(transitionRefusal('confirmed', 'cancelled')).toBe('This order is confirmed; it can no longer be cancelled.');
    expect(transitionRefusal('pending', 'pending')).toBe('This order is already pending.');
  });
});
