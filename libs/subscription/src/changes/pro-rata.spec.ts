import { proRataCharge } from './pro-rata';

const year2026 = { start: '2026-01-01', end: '2026-12-31' };
const leapYear = { start: '2028-01-01', end: '2028-12-31' };

describe('proRataCharge: the price difference over the days left in the current period', () => {
  it('counts today and the last day: 1 March to 31 December is 306 of 365 days', () => {
    expect(proRataCharge(4000, '2026-03-01', year2026, year2026)).toEqual({
      from: '2026-03-01',
      to: '2026-12-31',
      daysLeft: 306,
      fullDays: 365,
      amount: 3353, // 4000 × 306 / 365 = 3353.42…
    });
  });

  it('charges the whole difference on the first day and one day on the last', () => {
    expect(proRataCharge(3650, '2026-01-01', year2026, year2026)).toMatchObject({ daysLeft: 365, amount: 3650 });
    expect(proRataCharge(3650, '2026-12-31', year2026, year2026)).toMatchObject({ daysLeft: 1, amount: 10 });
  });

  it('counts 29 February in a leap year (366 days)', () => {
    expect(proRataCharge(36600, '2028-02-28', leapYear, leapYear)).toMatchObject({
      daysLeft: 308,
      fullDays: 366,
      amount: 30800,
    });
    // The same date in a common year: 308 of 365.
    expect(proRataCharge(36500, '2026-02-28', year2026, year2026)).toMatchObject({ daysLeft: 307, fullDays: 365 });
  });

  it('rounds to the cent half away from zero', () => {
    // 1 × 73 / 146 = 0.5 → 1; 1 × 72 / 146 = 0.49… → 0
    const period = { start: '2026-01-01', end: '2026-05-26' }; // 146 days
    expect(proRataCharge(1, '2026-03-15', period, period)).toMatchObject({ daysLeft: 73, amount: 1 });
    expect(proRataCharge(1, '2026-03-16', period, period)).toMatchObject({ daysLeft: 72, amount: 0 });
    // 100 × 183 / 365 = 50.136… → 50; 101 × 183/365 = 50.638… → 51
    expect(proRataCharge(100, '2026-07-02', year2026, year2026).amount).toBe(50);
    expect(proRataCharge(101, '2026-07-02', year2026, year2026).amount).toBe(51);
  });

  it('prices a short first period per full cycle period', () => {
    // Joined 1 October on a calendar-year plan: the period is 92 days, the cycle 365.
    const first = { start: '2026-10-01', end: '2026-12-31' };
    expect(proRataCharge(36500, '2026-12-01', first, year2026)).toMatchObject({
      daysLeft: 31,
      fullDays: 365,
      amount: 3100,
    });
  });

  it('charges nothing once the period is over, and the whole period when it has not begun (paid ahead)', () => {
    expect(proRataCharge(4000, '2027-01-05', year2026, year2026)).toMatchObject({
      daysLeft: 0,
      amount: 0,
      from: '2027-01-01',
    });
    expect(proRataCharge(4000, '2025-12-20', year2026, year2026)).toMatchObject({
      daysLeft: 365,
      amount: 4000,
      from: '2026-01-01',
    });
  });

  it('refuses a negative difference and a period outside its cycle', () => {
    expect(() => proRataCharge(-1, '2026-03-01', year2026, year2026)).toThrow(RangeError);
    expect(() => proRataCharge(1.5, '2026-03-01', year2026, year2026)).toThrow(RangeError);
    expect(() => proRataCharge(100, '2026-03-01', { start: '2025-12-01', end: '2026-12-31' }, year2026)).toThrow(
      RangeError,
    );
  });
});
