import {
  canTransition,
  SHARE_SUBSCRIPTION_STATES,
  transitionRefusal,
  type ShareSubscriptionState,
} from './share-subscription-state';

const LEGAL: [ShareSubscriptionState, ShareSubscriptionState][] = [
  ['pending', 'approved'],
  ['pending', 'refused'],
  ['pending', 'cancelled'],
  ['approved', 'paid'],
];

describe('share subscription states', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal(from, to)).toBeNull();
  });

  const illegal = SHARE_SUBSCRIPTION_STATES.flatMap((from) =>
    SHARE_SUBSCRIPTION_STATES.filter((to) => !LEGAL.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as [ShareSubscriptionState, ShareSubscriptionState],
    ),
  );

  it('has exactly 21 illegal pairs (every other pair of the 5 states)', () => {
    expect(illegal).toHaveLength(25 - LEGAL.length);
  });

  it.each(illegal)('refuses %s → %s with a reason', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toBe(
      from === to
        ? `This share subscription is already ${from}.`
        : `This share subscription is ${from}; it cannot become ${to}.`,
    );
  });
});
