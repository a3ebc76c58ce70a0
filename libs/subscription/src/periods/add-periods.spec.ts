import fc from 'fast-check';
import type { PeriodUnit } from '@tessera/plans';
import { addPeriods, addPeriodsKeepingDay } from './add-periods';
import { daysInMonth, parseLocalDate } from './local-dates';
import { someDates } from '../test/period-arbitraries';

describe('addPeriods', () => {
  const cases: [string, number, PeriodUnit, number, string][] = [
    // Month ends stick, computed from the anchor, not by chaining.
    ['2025-01-31', 1, 'month', 1, '2025-02-28'],
    ['2024-01-31', 1, 'month', 1, '2024-02-29'],
    ['2025-01-31', 1, 'month', 2, '2025-03-31'],
    ['2025-01-31', 1, 'month', 3, '2025-04-30'],
    ['2025-04-30', 1, 'month', 1, '2025-05-31'],
    ['2025-02-28', 1, 'month', 1, '2025-03-31'],
    ['2024-02-29', 1, 'year', 1, '2025-02-28'],
    ['2024-02-29', 1, 'year', 4, '2028-02-29'],
    ['2025-02-28', 1, 'year', 3, '2028-02-29'],
    ['2024-02-28', 1, 'year', 1, '2025-02-28'],
    // Other days are kept, clamped in short months only.
    ['2025-01-30', 1, 'month', 1, '2025-02-28'],
    ['2025-01-30', 1, 'month', 2, '2025-03-30'],
    ['2025-01-29', 1, 'month', 1, '2025-02-28'],
    ['2024-01-29', 1, 'month', 1, '2024-02-29'],
    ['2025-03-15', 1, 'month', 1, '2025-04-15'],
    // Year ends, quarters, several years, going back.
    ['2024-12-31', 1, 'month', 1, '2025-01-31'],
    ['2024-12-31', 1, 'year', 1, '2025-12-31'],
    ['2025-12-15', 1, 'month', 1, '2026-01-15'],
    ['2024-11-30', 3, 'month', 1, '2025-02-28'],
    ['2024-11-30', 3, 'month', 2, '2025-05-31'],
    ['2023-11-29', 3, 'month', 1, '2024-02-29'],
    ['2023-11-29', 3, 'month', 5, '2025-02-28'],
    ['2025-01-01', 3, 'month', 3, '2025-10-01'],
    ['2025-06-10', 2, 'year', 2, '2029-06-10'],
    ['2025-01-01', 1, 'month', 0, '2025-01-01'],
    ['2025-03-31', 1, 'month', -1, '2025-02-28'],
    ['2025-01-15', 1, 'month', -1, '2024-12-15'],
  ];

  it.each(cases)('%s + %d %s × %d = %s', (anchor, count, unit, n, expected) => {
    expect(addPeriods(anchor, count, unit, n)).toBe(expected);
  });

  it('keeps the day rather than the month end when asked (calendar cycles)', () => {
    expect(addPeriodsKeepingDay('2025-02-28', 1, 'month', 1)).toBe('2025-03-28');
    expect(addPeriodsKeepingDay('2025-01-31', 1, 'month', 1)).toBe('2025-02-28');
    expect(addPeriodsKeepingDay('2025-01-31', 1, 'month', 2)).toBe('2025-03-31');
    expect(addPeriodsKeepingDay('2025-04-30', 1, 'month', 1)).toBe('2025-05-30');
  });

  it('refuses a count or a number of periods that is not a whole, positive count', () => {
    expect(() => addPeriods('2025-01-01', 0, 'month', 1)).toThrow(RangeError);
    expect(() => addPeriods('2025-01-01', 1, 'month', 1.5)).toThrow(RangeError);
    expect(() => addPeriods('2025-02-30', 1, 'month', 1)).toThrow(RangeError);
  });

  const counts = fc.integer({ min: 1, max: 24 });
  const units = fc.constantFrom<PeriodUnit>('month', 'year');
  const times = fc.integer({ min: 0, max: 40 });

  it('month-end sticky: a month-end anchor gives month ends; another day is kept or clamped', () => {
    fc.assert(
      fc.property(someDates(), counts, units, times, (anchor, count, unit, n) => {
        const from = parseLocalDate(anchor);
        const to = parseLocalDate(addPeriods(anchor, count, unit, n));
        const length = daysInMonth(to.year, to.month);
        if (from.day === daysInMonth(from.year, from.month)) expect(to.day).toBe(length);
        else expect(to.day).toBe(Math.min(from.day, length));
        const months = to.year * 12 + to.month - (from.year * 12 + from.month);
        expect(months).toBe(n * count * (unit === 'year' ? 12 : 1));
      }),
    );
  });

  it('n periods of count units are one period of n × count units, and a year is twelve months', () => {
    fc.assert(
      fc.property(someDates(), counts, units, times, (anchor, count, unit, n) => {
        const nth = addPeriods(anchor, count, unit, n);
        if (n > 0) expect(addPeriods(anchor, count * n, unit, 1)).toBe(nth);
        if (unit === 'year') expect(addPeriods(anchor, count * 12, 'month', n)).toBe(nth);
      }),
    );
  });

  it('boundaries only grow, and never repeat', () => {
    fc.assert(
      fc.property(someDates(), counts, units, times, (anchor, count, unit, n) => {
        expect(addPeriods(anchor, count, unit, n + 1) > addPeriods(anchor, count, unit, n)).toBe(true);
      }),
    );
  });
});
