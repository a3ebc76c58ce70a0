import { firstPeriod, periodAfter, type CycleTerms } from '../periods';
import { isRenewalDue } from './renewal-due';

const yearly: CycleTerms = {
  periodCount: 1,
  periodUnit: 'year',
  billingAnchor: 'join-date',
  calendarAnchor: null,
  prorateFirstPeriod: false,
};
const calendar: CycleTerms = { ...yearly, billingAnchor: 'calendar', calendarAnchor: { month: 1, day: 1 } };

describe('which subscriptions are due for renewal', () => {
  it.each([
    // period end, lead days, as of, due
    ['2026-12-31', 30, '2026-12-01', true],
    ['2026-12-31', 30, '2026-11-30', false],
    ['2026-12-31', 30, '2027-01-15', true], // already ended: still due
    ['2026-12-31', 0, '2026-12-30', false],
    ['2026-12-31', 0, '2026-12-31', true],
    ['2027-02-28', 28, '2027-01-31', true],
    ['2027-02-28', 28, '2027-01-30', false],
    ['2028-02-29', 1, '2028-02-28', true], // leap day
    ['2028-02-29', 1, '2028-02-27', false],
    ['2027-03-01', 365, '2026-03-01', true],
  ])('a period ending %s with %i lead days, as of %s: due %s', (end, lead, asOf, due) => {
    expect(isRenewalDue(end, lead, asOf)).toBe(due);
  });

  it('renews every calendar subscription on 1 January, whenever it started', () => {
    const starts = ['2026-01-01', '2026-03-15', '2026-12-31'];
    for (const start of starts) {
      const first = firstPeriod(calendar, start);
      expect(first.end).toBe('2026-12-31');
      expect(periodAfter(calendar, first.anchor, first)).toEqual({ start: '2027-01-01', end: '2027-12-31' });
      expect(isRenewalDue(first.end, 30, '2026-12-01')).toBe(true);
      expect(isRenewalDue(first.end, 30, '2026-11-30')).toBe(false);
    }
  });

  it('keeps month-end and leap-day anchors in the next period', () => {
    const monthly: CycleTerms = { ...yearly, periodUnit: 'month' };
    const fromJan31 = firstPeriod(monthly, '2027-01-31');
    expect(fromJan31).toMatchObject({ start: '2027-01-31', end: '2027-02-27' });
    expect(periodAfter(monthly, fromJan31.anchor, fromJan31)).toEqual({ start: '2027-02-28', end: '2027-03-30' });
    const leap = firstPeriod(yearly, '2028-02-29');
    expect(leap.end).toBe('2029-02-27');
    expect(periodAfter(yearly, leap.anchor, leap)).toEqual({ start: '2029-02-28', end: '2030-02-27' });
  });
});
