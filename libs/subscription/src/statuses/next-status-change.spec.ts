import { firstStatusChangeOn } from './next-status-change';

describe('firstStatusChangeOn: the earliest day time alone may move a member', () => {
  it('an active subscription: the day after its paid period', () => {
    expect(firstStatusChangeOn({ state: 'active', currentPeriodEnd: '2027-02-28', endsOn: null })).toBe('2027-03-01');
    expect(firstStatusChangeOn({ state: 'active', currentPeriodEnd: '2028-02-28', endsOn: null })).toBe('2028-02-29');
  });

  it('an active subscription ending earlier than its period: the day after its end', () => {
    expect(firstStatusChangeOn({ state: 'active', currentPeriodEnd: '2027-12-31', endsOn: '2027-06-30' })).toBe(
      '2027-07-01',
    );
    expect(firstStatusChangeOn({ state: 'active', currentPeriodEnd: '2027-12-31', endsOn: '2027-12-31' })).toBe(
      '2028-01-01',
    );
  });

  it('an ended subscription: the day after its end date', () => {
    expect(firstStatusChangeOn({ state: 'ended', currentPeriodEnd: '2027-12-31', endsOn: '2027-03-15' })).toBe(
      '2027-03-16',
    );
  });

  it('pending and cancelled subscriptions never move with time', () => {
    expect(firstStatusChangeOn({ state: 'pending', currentPeriodEnd: '2027-12-31', endsOn: null })).toBeNull();
    expect(
      firstStatusChangeOn({ state: 'cancelled', currentPeriodEnd: '2027-12-31', endsOn: '2027-01-01' }),
    ).toBeNull();
  });
});
