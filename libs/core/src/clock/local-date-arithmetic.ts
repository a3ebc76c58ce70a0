import type { LocalDate } from './local-date';

/**
 * Arithmetic on local dates (`YYYY-MM-DD`), done on year/month/day integers and day numbers:
 * no JS Date, so no host time zone and no daylight-saving hour can shift a day. Tested with
 * fast-check beside the period arithmetic (libs/subscription/src/periods/local-dates.spec.ts).
 */
export interface LocalDateParts {
  year: number;
  month: number;
  day: number;
}

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written `YYYY-MM-DD` (years 0001–9999): not 2025-02-29. */
export function isLocalDate(value: unknown): value is LocalDate {
  const match = typeof value === 'string' ? PATTERN.exec(value) : null;
  return match !== null && validParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The year, month and day of a local date; a RangeError for anything that is not one. */
export function parseLocalDate(value: string): LocalDateParts {
  if (!isLocalDate(value)) throw new RangeError(`"${value}" is not a date written YYYY-MM-DD`);
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

/** `YYYY-MM-DD`; a RangeError for parts that are not a real date in years 1–9999. */
export function formatLocalDate({ year, month, day }: LocalDateParts): LocalDate {
  if (!validParts(year, month, day)) throw new RangeError(`${year}-${month}-${day} is not a date in years 1–9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil / civil_from_days), exact for every year in range.
function toDayNumber({ year, month, day }: LocalDateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): LocalDateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1,
  };
}

/** `days` (an integer, negative to go back) after `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  return formatLocalDate(fromDayNumber(toDayNumber(parseLocalDate(date)) + days));
}

/** Days from `from` to `to`: 0 for the same date, 1 for the next day, negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(parseLocalDate(to)) - toDayNumber(parseLocalDate(from));
}

/** -1, 0 or 1 as `a` is before, the same as or after `b` (a comparator for sort). */
export function compareLocalDates(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const difference = daysBetween(b, a);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}
