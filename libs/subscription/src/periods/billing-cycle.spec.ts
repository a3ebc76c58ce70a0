import fc from 'fast-check';
import { addPeriods, monthsIn } from './add-periods';
import {
  cycleAnchor,
  cycleBoundary,
  firstPeriod,
  periodAfter,
  periodAt,
  periodContaining,
  type CycleTerms,
  type FirstPeriod,
  type Period,
} from './billing-cycle';
import { addDays, compareLocalDates, daysBetween, parseLocalDate } from './local-dates';
import { anyTerms, calendarTerms, localDates, someDates } from '../test/period-arbitraries';

const joinDate = (periodCount: number, periodUnit: 'month' | 'year'): CycleTerms => ({
  periodCount,
  periodUnit,
  billingAnchor: 'join-date',
  calendarAnchor: null,
  prorateFirstPeriod: false,
});
const calendar = (
  periodCount: number,
  periodUnit: 'month' | 'year',
  month: number,
  day: number,
  prorateFirstPeriod = true,
): CycleTerms => ({
  periodCount,
  periodUnit,
  billingAnchor: 'calendar',
  calendarAnchor: { month, day },
  prorateFirstPeriod,
});

const yearly = joinDate(1, 'year');
const monthly = joinDate(1, 'month');
const januaryYear = calendar(1, 'year', 1, 1);
const januaryQuarters = calendar(3, 'month', 1, 1);

/** The first period and the next `count` after it, each computed from the anchor. */
function periods(terms: CycleTerms, start: string, count: number): [FirstPeriod, ...Period[]] {
  const first = firstPeriod(terms, start);
  const list: [FirstPeriod, ...Period[]] = [first];
  for (let i = 0; i < count; i += 1) list.push(periodAfter(terms, first.anchor, list[list.length - 1]));
  return list;
}
const span = (period: Period) => `${period.start}..${period.end}`;

describe('billing cycles', () => {
  describe('join-date plans: periods run from the start', () => {
    it.each([
      ['yearly from 1 January', yearly, '2025-01-01', ['2025-01-01..2025-12-31', '2026-01-01..2026-12-31']],
      ['yearly from 31 December', yearly, '2024-12-31', ['2024-12-31..2025-12-30', '2025-12-31..2026-12-30']],
      [
        'yearly from 29 February',
        yearly,
        '2024-02-29',
        ['2024-02-29..2025-02-27', '2025-02-28..2026-02-27', '2026-02-28..2027-02-27', '2027-02-28..2028-02-28'],
      ],
      [
        'monthly from 31 January',
        monthly,
        '2025-01-31',
        ['2025-01-31..2025-02-27', '2025-02-28..2025-03-30', '2025-03-31..2025-04-29', '2025-04-30..2025-05-30'],
      ],
      ['monthly from 15 March', monthly, '2025-03-15', ['2025-03-15..2025-04-14', '2025-04-15..2025-05-14']],
      [
        'every 3 months from 30 November',
        joinDate(3, 'month'),
        '2024-11-30',
        ['2024-11-30..2025-02-27', '2025-02-28..2025-05-30', '2025-05-31..2025-08-30'],
      ],
      [
        'every 3 months from 29 November',
        joinDate(3, 'month'),
        '2023-11-29',
        ['2023-11-29..2024-02-28', '2024-02-29..2024-05-28', '2024-05-29..2024-08-28'],
      ],
      ['every 2 years', joinDate(2, 'year'), '2025-06-10', ['2025-06-10..2027-06-09', '2027-06-10..2029-06-09']],
    ])('%s', (_, terms, start, expected) => {
      const list = periods(terms, start, expected.length - 1);
      expect(list.map(span)).toEqual(expected);
      expect(list[0]).toMatchObject({ anchor: start, proration: null });
    });
  });

  describe('calendar plans: a first period up to the next cycle point, then whole cycles', () => {
    it.each([
      [
        'yearly on 1 January, starting on it',
        januaryYear,
        '2025-01-01',
        '2025-01-01',
        null,
        ['2025-01-01..2025-12-31', '2026-01-01..2026-12-31'],
      ],
      [
        'yearly on 1 January, starting the day before (a leap year)',
        januaryYear,
        '2024-12-31',
        '2024-01-01',
        { chargedDays: 1, fullDays: 366 },
        ['2024-12-31..2024-12-31', '2025-01-01..2025-12-31'],
      ],
      [
        'yearly on 1 January, starting the day after',
        januaryYear,
        '2025-01-02',
        '2025-01-01',
        { chargedDays: 364, fullDays: 365 },
        ['2025-01-02..2025-12-31', '2026-01-01..2026-12-31'],
      ],
      [
        'yearly on 1 September, starting in March',
        calendar(1, 'year', 9, 1),
        '2025-03-10',
        '2024-09-01',
        { chargedDays: 175, fullDays: 365 },
        ['2025-03-10..2025-08-31', '2025-09-01..2026-08-31'],
      ],
      [
        'yearly on 1 September, not prorated: the short first period is charged in full',
        calendar(1, 'year', 9, 1, false),
        '2025-03-10',
        '2024-09-01',
        null,
        ['2025-03-10..2025-08-31', '2025-09-01..2026-08-31'],
      ],
      [
        'quarterly from 1 January, starting mid-May',
        januaryQuarters,
        '2025-05-15',
        '2025-04-01',
        { chargedDays: 47, fullDays: 91 },
        ['2025-05-15..2025-06-30', '2025-07-01..2025-09-30', '2025-10-01..2025-12-31', '2026-01-01..2026-03-31'],
      ],
      [
        'quarterly from 1 January, starting on 31 December',
        januaryQuarters,
        '2025-12-31',
        '2025-10-01',
        { chargedDays: 1, fullDays: 92 },
        ['2025-12-31..2025-12-31', '2026-01-01..2026-03-31'],
      ],
      [
        'quarterly from 15 February, starting on 1 January (the cycle runs from the year before)',
        calendar(3, 'month', 2, 15),
        '2025-01-01',
        '2024-11-15',
        { chargedDays: 45, fullDays: 92 },
        ['2025-01-01..2025-02-14', '2025-02-15..2025-05-14'],
      ],
      [
        'monthly on the 15th, starting the day before a cycle point',
        calendar(1, 'month', 1, 15),
        '2025-03-14',
        '2025-02-15',
        { chargedDays: 1, fullDays: 28 },
        ['2025-03-14..2025-03-14', '2025-03-15..2025-04-14', '2025-04-15..2025-05-14'],
      ],
      [
        'monthly on the 28th, starting on one: February 2024',
        calendar(1, 'month', 6, 28),
        '2024-02-28',
        '2024-02-28',
        null,
        ['2024-02-28..2024-03-27', '2024-03-28..2024-04-27'],
      ],
      [
        'monthly on 28 February: the 28th of every month, not the month end',
        calendar(1, 'month', 2, 28),
        '2025-02-28',
        '2025-02-28',
        null,
        ['2025-02-28..2025-03-27', '2025-03-28..2025-04-27'],
      ],
      [
        'half-yearly from 1 July, starting after 1 January',
        calendar(6, 'month', 7, 1),
        '2026-01-05',
        '2026-01-01',
        { chargedDays: 177, fullDays: 181 },
        ['2026-01-05..2026-06-30', '2026-07-01..2026-12-31'],
      ],
    ])('%s', (_, terms, start, anchor, proration, expected) => {
      const list = periods(terms, start, expected.length - 1);
      expect(list.map(span)).toEqual(expected);
      expect(list[0]).toMatchObject({ anchor, proration });
    });

    it('refuses calendar terms without an anchor, with a day past 28, or with a period that does not divide a year', () => {
      expect(() => firstPeriod({ ...januaryYear, calendarAnchor: null }, '2025-01-01')).toThrow(RangeError);
      expect(() => firstPeriod(calendar(1, 'year', 1, 29), '2025-01-01')).toThrow(RangeError);
      expect(() => firstPeriod(calendar(5, 'month', 1, 1), '2025-01-01')).toThrow(RangeError);
      expect(() => firstPeriod(calendar(2, 'year', 1, 1), '2025-01-01')).toThrow(RangeError);
    });
  });

  describe('periodContaining and periodAfter', () => {
    it('finds the period of a date, from the anchor', () => {
      expect(periodContaining(monthly, '2025-01-31', '2025-03-30')).toEqual({ start: '2025-02-28', end: '2025-03-30' });
      expect(periodContaining(monthly, '2025-01-31', '2025-03-31')).toEqual({ start: '2025-03-31', end: '2025-04-29' });
      expect(periodContaining(januaryQuarters, '2025-04-01', '2026-02-14')).toEqual({
        start: '2026-01-01',
        end: '2026-03-31',
      });
      expect(() => periodContaining(monthly, '2025-01-31', '2025-01-30')).toThrow(RangeError);
    });

    it('refuses a period that does not end on a cycle boundary of the anchor', () => {
      expect(() => periodAfter(monthly, '2025-01-31', { start: '2025-01-31', end: '2025-02-28' })).toThrow(RangeError);
    });
  });

  describe('properties', () => {
    const steps = fc.integer({ min: 1, max: 30 });

    it('periods are contiguous and never empty, and the nth starts on the nth boundary from the anchor', () => {
      fc.assert(
        fc.property(anyTerms(), someDates(), steps, (terms, start, count) => {
          const list = periods(terms, start, count);
          const first = list[0];
          expect(first.start).toBe(start);
          expect(compareLocalDates(first.anchor, start)).toBeLessThanOrEqual(0);
          list.forEach((period, index) => {
            expect(compareLocalDates(period.start, period.end)).toBeLessThanOrEqual(0);
            if (index === 0) return;
            expect(period.start).toBe(addDays(list[index - 1].end, 1));
            expect(period.start).toBe(cycleBoundary(terms, first.anchor, index));
            if (terms.billingAnchor === 'join-date')
              expect(period.start).toBe(addPeriods(first.anchor, terms.periodCount, terms.periodUnit, index));
            expect(period).toEqual(periodAt(terms, first.anchor, index));
          });
        }),
      );
    });

    it('the period containing a date contains it', () => {
      fc.assert(
        fc.property(anyTerms(), someDates(), fc.integer({ min: 0, max: 5000 }), (terms, start, offset) => {
          const anchor = cycleAnchor(terms, start);
          const date = addDays(start, offset);
          const period = periodContaining(terms, anchor, date);
          expect(compareLocalDates(period.start, date)).toBeLessThanOrEqual(0);
          expect(compareLocalDates(date, period.end)).toBeLessThanOrEqual(0);
        }),
      );
    });

    it('calendar periods after the first start on cycle points; a prorated first period charges its own days', () => {
      fc.assert(
        fc.property(calendarTerms(), localDates(), steps, (terms, start, count) => {
          const [first, ...later] = periods(terms, start, count);
          const cycle = monthsIn(terms.periodCount, terms.periodUnit);
          for (const point of [first.anchor, ...later.map((period) => period.start)]) {
            const { month, day } = parseLocalDate(point);
            expect(day).toBe(terms.calendarAnchor!.day);
            expect((((month - terms.calendarAnchor!.month) % cycle) + cycle) % cycle).toBe(0);
          }
          const days = daysBetween(first.start, first.end) + 1;
          const fullDays = daysBetween(first.anchor, addDays(first.end, 1));
          if (first.anchor === start || !terms.prorateFirstPeriod) expect(first.proration).toBeNull();
          else expect(first.proration).toEqual({ chargedDays: days, fullDays });
          if (first.proration) expect(first.proration.chargedDays).toBeLessThan(first.proration.fullDays);
        }),
      );
    });
  });
});
