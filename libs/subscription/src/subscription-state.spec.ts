import { canTransition, SUBSCRIPTION_STATES, transitionRefusal, type SubscriptionState } from './subscription-state';

const LEGAL: [SubscriptionState, SubscriptionState][] = [
  ['pending', 'active'],
  ['pending', 'cancelled'],
  ['active', 'ended'],
];

describe('subscription states', () => {
  const pairs = SUBSCRIPTION_STATES.flatMap((from) => SUBSCRIPTION_STATES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s is allowed exactly when listed', (from, to) => {
    const legal = LEGAL.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(legal);
    expect(transitionRefusal(from, to) === null).toBe(legal);
  });

  it('explains the refusals staff are likely to meet', () => {
    expect(transitionRefusal('pending', 'ended')).toMatch(/cancel it instead/);
    expect(transitionRefusal('active', 'cancelled')).toMatch(/end it with an effective date/);
    expect(transitionRefusal('ended', 'ended')).toBe('This subscription is already ended.');
    expect(transitionRefusal('cancelled', 'active')).toBe('This subscription is cancelled; it cannot become active.');
  });
});
