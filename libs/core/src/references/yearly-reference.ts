/**
 * Human references such as `APP-2026-000123` or `ORD-2026-000042`: a prefix, the year, and a
 * number from one Postgres sequence (so numbers never repeat across years), padded to six digits.
 */
export function formatYearlyReference(prefix: string, year: number, sequence: number | bigint | string): string {
  const number = String(sequence);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!/^[1-9]\d*$/.test(number)) throw new RangeError(`Not a sequence number: ${number}`);
  return `${prefix}-${year}-${number.padStart(6, '0')}`;
}
