import { parseStatementDate, parseXsdDate } from './statement-dates';

describe('statement dates', () => {
  it.each([
    ['2026-03-02', 'YYYY-MM-DD'],
    ['02/03/2026', 'DD/MM/YYYY'],
    ['2/3/2026', 'DD/MM/YYYY'],
    ['02-03-2026', 'DD-MM-YYYY'],
    ['02.03.2026', 'DD.MM.YYYY'],
    ['20260302', 'YYYYMMDD'],
  ] as const)('%s as %s', (text, format) => {
    expect(parseStatementDate(text, format, 'Row 2', 'a date')).toBe('2026-03-02');
  });

  it('refuses dates that do not exist or another format', () => {
    expect(() => parseStatementDate('29/02/2026', 'DD/MM/YYYY', 'Row 2', 'a date')).toThrow(
      'Row 2 has a date "29/02/2026" that does not exist',
    );
    expect(parseStatementDate('29/02/2028', 'DD/MM/YYYY', 'Row 2', 'a date')).toBe('2028-02-29');
    expect(() => parseStatementDate('31.04.2026', 'DD.MM.YYYY', 'Row 2', 'a date')).toThrow('does not exist');
    expect(() => parseStatementDate('2026-03-02', 'DD/MM/YYYY', 'Row 2', 'a date')).toThrow(
      'Row 2 has a date "2026-03-02" that is not a DD/MM/YYYY date',
    );
  });

  it('takes the date of an XML date or date-time as written, whatever its offset', () => {
    expect(parseXsdDate('2026-03-02', 'Entry 1', 'a booking date')).toBe('2026-03-02');
    expect(parseXsdDate('2026-03-02+01:00', 'Entry 1', 'a booking date')).toBe('2026-03-02');
    expect(parseXsdDate('2026-03-02T23:30:00.123-05:00', 'Entry 1', 'a booking date')).toBe('2026-03-02');
    expect(() => parseXsdDate('2026-13-01', 'Entry 1', 'a booking date')).toThrow('does not exist');
    expect(() => parseXsdDate('yesterday', 'Entry 1', 'a booking date')).toThrow('is not an ISO date');
  });
});
