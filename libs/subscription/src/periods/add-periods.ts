import type { PeriodUnit } from '@tessera/plans';
import { daysInMonth, formatLocalDate, parseLocalDate, type LocalDate } from './local-dates';

/** The length of `count` units in months (a year is twelve). */
export function monthsIn(count: number, unit: PeriodUnit): number {
  return unit === 'year' ? count * 12 : count;
}

/**
 * The date `n` × `count` `unit`s after `anchor` (n may be negative), month-end sticky. Always
 * computed from the anchor, never by chaining, so a clamped month does not shorten later ones:
 * - an anchor on the last day of its month gives the last day of every month: 31 Jan + 1 month =
 *   28 Feb (29 in a leap year), + 2 months = 31 Mar; 30 Apr + 1 month = 31 May; 29 Feb 2024 +
 *   1 year = 28 Feb 2025, + 4 years = 29 Feb 2028 (and 28 Feb 2025 + 3 years = 29 Feb 2028);
 * - any other day is kept, clamped to shorter months: 30 Jan + 1 month = 28 Feb, + 2 months = 30 Mar.
 */
export function addPeriods(anchor: LocalDate, count: number, unit: PeriodUnit, n: number): LocalDate {
  return shift(anchor, count, unit, n, true);
}

/**
 * The same without month-end stickiness: the day is kept, clamped to shorter months. For calendar
 * cycles, whose anchor day (1–28) is a day of the year, not a month end: 28 February stays the 28th.
 */
export function addPeriodsKeepingDay(anchor: LocalDate, count: number, unit: PeriodUnit, n: number): LocalDate {
  return shift(anchor, count, unit, n, false);
}

function shift(anchor: LocalDate, count: number, unit: PeriodUnit, n: number, monthEndSticky: boolean): LocalDate {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`${count} is not a period count`);
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of periods`);
  const { year, month, day } = parseLocalDate(anchor);
  const months = year * 12 + (month - 1) + n * monthsIn(count, unit);
  const target = { year: Math.floor(months / 12), month: (months % 12) + 1 };
  const length = daysInMonth(target.year, target.month);
  const monthEnd = monthEndSticky && day === daysInMonth(year, month);
  return formatLocalDate({ ...target, day: monthEnd ? length : Math.min(day, length) });
}
