import type { BillingAnchor, CalendarAnchor, PeriodUnit } from '@tessera/plans';
import { addPeriods, addPeriodsKeepingDay, monthsIn } from './add-periods';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  formatLocalDate,
  parseLocalDate,
  type LocalDate,
} from './local-dates';

/** The plan terms the period arithmetic reads (a `PlanBilling` from `@tessera/plans` is one). */
export interface CycleTerms {
  periodCount: number;
  periodUnit: PeriodUnit;
  billingAnchor: BillingAnchor;
  calendarAnchor: CalendarAnchor | null;
  prorateFirstPeriod: boolean;
}

/** A billing period: both ends INCLUSIVE (end = the next period's start − 1 day). */
export interface Period {
  start: LocalDate;
  end: LocalDate;
}

/** The part of a full cycle period a prorated first period charges: chargedDays / fullDays of the price. */
export interface Proration {
  chargedDays: number;
  fullDays: number;
}

/**
 * A subscription's first period. `anchor` is what the subscription stores to compute every later
 * period from (see periodAt): its start for join-date plans, the cycle point on or before it for
 * calendar plans. `proration` is null when the period is charged in full: join-date plans,
 * calendar plans without proration, and a start exactly on a cycle point.
 */
export interface FirstPeriod extends Period {
  anchor: LocalDate;
  proration: Proration | null;
}

/**
 * Where a subscription starting on `startDate` anchors its periods. Join-date: the start itself.
 * Calendar: the last cycle point on or before it; the cycle points are the anchor date of each
 * year plus whole periods (quarterly from 1 January: 1 Jan, 1 Apr, 1 Jul, 1 Oct).
 */
export function cycleAnchor(terms: CycleTerms, startDate: LocalDate): LocalDate {
  if (terms.billingAnchor === 'join-date') return formatLocalDate(parseLocalDate(startDate));
  const { month, day } = calendarAnchorOf(terms);
  const { year } = parseLocalDate(startDate);
  const thisYear = formatLocalDate({ year, month, day });
  const yearAnchor =
    compareLocalDates(thisYear, startDate) <= 0 ? thisYear : formatLocalDate({ year: year - 1, month, day });
  return cycleBoundary(terms, yearAnchor, indexOfPeriodContaining(terms, yearAnchor, startDate));
}

/** The first period of a subscription starting on `startDate`, up to the day before the next cycle point. */
export function firstPeriod(terms: CycleTerms, startDate: LocalDate): FirstPeriod {
  const anchor = cycleAnchor(terms, startDate);
  const next = cycleBoundary(terms, anchor, 1);
  const partial = anchor !== startDate;
  return {
    start: startDate,
    end: addDays(next, -1),
    anchor,
    proration:
      partial && terms.prorateFirstPeriod
        ? { chargedDays: daysBetween(startDate, next), fullDays: daysBetween(anchor, next) }
        : null,
  };
}

/**
 * The `index`th cycle period from `anchor` (0: the one starting on it). For a calendar plan whose
 * subscription began mid-cycle, period 0 is the full cycle period; its first period is shorter.
 */
export function periodAt(terms: CycleTerms, anchor: LocalDate, index: number): Period {
  return { start: cycleBoundary(terms, anchor, index), end: addDays(cycleBoundary(terms, anchor, index + 1), -1) };
}

/** The cycle period from `anchor` that contains `date`; a RangeError for a date before the anchor. */
export function periodContaining(terms: CycleTerms, anchor: LocalDate, date: LocalDate): Period {
  if (compareLocalDates(date, anchor) < 0) throw new RangeError(`${date} is before the anchor ${anchor}`);
  return periodAt(terms, anchor, indexOfPeriodContaining(terms, anchor, date));
}

/**
 * The period after `period`, computed from `anchor` (never by chaining, so month ends do not
 * drift). A RangeError when `period` does not end the day before a cycle point of this anchor.
 */
export function periodAfter(terms: CycleTerms, anchor: LocalDate, period: Period): Period {
  const start = addDays(period.end, 1);
  const next = periodContaining(terms, anchor, start);
  if (next.start !== start) throw new RangeError(`${period.end} does not end a period anchored on ${anchor}`);
  return next;
}

/**
 * The `index`th cycle point from `anchor`: month-end sticky for join-date plans (see addPeriods);
 * the anchor's day of the month for calendar plans (28 February is not a month end there).
 */
export function cycleBoundary(terms: CycleTerms, anchor: LocalDate, index: number): LocalDate {
  const add = terms.billingAnchor === 'calendar' ? addPeriodsKeepingDay : addPeriods;
  return add(anchor, terms.periodCount, terms.periodUnit, index);
}

/** The largest k with boundary k ≤ date: estimated from the months between, then corrected for clamped days. */
function indexOfPeriodContaining(terms: CycleTerms, anchor: LocalDate, date: LocalDate): number {
  const from = parseLocalDate(anchor);
  const to = parseLocalDate(date);
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  let index = Math.floor(months / monthsIn(terms.periodCount, terms.periodUnit));
  while (compareLocalDates(cycleBoundary(terms, anchor, index), date) > 0) index -= 1;
  while (compareLocalDates(cycleBoundary(terms, anchor, index + 1), date) <= 0) index += 1;
  return index;
}

/** A calendar plan's anchor, checked: the cycle must repeat every year and its day exist in every month. */
function calendarAnchorOf(terms: CycleTerms): CalendarAnchor {
  const anchor = terms.calendarAnchor;
  if (!anchor || anchor.day < 1 || anchor.day > 28 || anchor.month < 1 || anchor.month > 12)
    throw new RangeError('a calendar plan needs an anchor month 1–12 and day 1–28');
  if (12 % monthsIn(terms.periodCount, terms.periodUnit) !== 0)
    throw new RangeError('a calendar plan’s period must divide a year');
  return anchor;
}
