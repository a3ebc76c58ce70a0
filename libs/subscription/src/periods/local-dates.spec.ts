import fc from 'fast-check';
import {
  addDays,
  compareLocalDates,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
} from './local-dates';
import { localDates } from '../test/period-arbitraries';

describe('local dates', () => {
  it.each([
    ['2025-01-31', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['2025-02-29', false],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['0000-01-01', false],
    ['2025-1-01', false],
    ['2025-01-01T00:00', false],
    [' 2025-01-01', false],
    [20250101, false],
    [null, false],
  ])('isLocalDate(%p) is %p', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('parses and formats, and refuses what is not a date', () => {
    expect(parseLocalDate('0987-06-05')).toEqual({ year: 987, month: 6, day: 5 });
    expect(formatLocalDate({ year: 987, month: 6, day: 5 })).toBe('0987-06-05');
    expect(() => parseLocalDate('2025-02-29')).toThrow(RangeError);
    expect(() => formatLocalDate({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => formatLocalDate({ year: 10000, month: 1, day: 1 })).toThrow(RangeError);
  });

  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2024-01-01', 365, '2024-12-31'],
    ['1970-01-01', -1, '1969-12-31'],
    ['0001-01-01', 0, '0001-01-01'],
  ])('addDays(%s, %d) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('refuses to leave years 1–9999 or to add part of a day', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2025-01-01', 0.5)).toThrow(RangeError);
  });

  it('knows the length of each month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2025, month))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 29]);
  });

  describe('properties', () => {
    it('day numbers agree with the UTC calendar of JS Date', () => {
      fc.assert(
        fc.property(localDates(), localDates(), (a, b) => {
          const utc = (date: string) => {
            const { year, month, day } = parseLocalDate(date);
            const at = new Date(0);
            at.setUTCFullYear(year, month - 1, day);
            return at.getTime() / 86_400_000;
          };
          expect(daysBetween(a, b)).toBe(utc(b) - utc(a));
        }),
      );
    });

    it('adding days round-trips, and comparison agrees with the order of the strings', () => {
      fc.assert(
        fc.property(localDates(), fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
          const later = addDays(date, days);
          expect(isLocalDate(later)).toBe(true);
          expect(addDays(later, -days)).toBe(date);
          expect(daysBetween(date, later)).toBe(days);
          expect(compareLocalDates(date, later)).toBe(Math.sign(-days) || 0);
          expect(compareLocalDates(date, later)).toBe(date < later ? -1 : date > later ? 1 : 0);
        }),
      );
    });
  });
});
