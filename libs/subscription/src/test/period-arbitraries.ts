import fc from 'fast-check';
import { formatLocalDate, daysInMonth, type LocalDate } from '../periods/local-dates';
import type { CycleTerms } from '../periods/billing-cycle';

/** Test data for the property tests: real dates, and plan terms of both anchorings. */
export function localDates(years: { min: number; max: number } = { min: 1800, max: 2400 }): fc.Arbitrary<LocalDate> {
  return fc
    .record({ year: fc.integer(years), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => formatLocalDate({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
}

/** Dates biased to month ends, where the arithmetic is hardest. */
export function monthEnds(): fc.Arbitrary<LocalDate> {
  return fc
    .record({ year: fc.integer({ min: 1800, max: 2400 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => formatLocalDate({ year, month, day: daysInMonth(year, month) }));
}

export const someDates = (): fc.Arbitrary<LocalDate> => fc.oneof(localDates(), monthEnds());

export function joinDateTerms(): fc.Arbitrary<CycleTerms> {
  return fc.record({
    periodCount: fc.integer({ min: 1, max: 24 }),
    periodUnit: fc.constantFrom('month' as const, 'year' as const),
    billingAnchor: fc.constant('join-date' as const),
    calendarAnchor: fc.constant(null),
    prorateFirstPeriod: fc.constant(false),
  });
}

/** Calendar terms: the period divides a year, the anchor day is 1–28. */
export function calendarTerms(): fc.Arbitrary<CycleTerms> {
  return fc.record({
    periodCount: fc.constantFrom(1, 2, 3, 4, 6, 12),
    periodUnit: fc.constant('month' as const),
    billingAnchor: fc.constant('calendar' as const),
    calendarAnchor: fc.record({ month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }),
    prorateFirstPeriod: fc.boolean(),
  });
}

export const anyTerms = (): fc.Arbitrary<CycleTerms> =>
  fc.oneof(
    joinDateTerms(),
    calendarTerms(),
    calendarTerms().map((terms) => ({ ...terms, periodCount: 1, periodUnit: 'year' as const })),
  );
