/** `APP-<year>-<number>`: the number comes from a Postgres sequence, padded to six digits. */
export const APPLICATION_REFERENCE = /^APP-\d{4}-\d{6,}$/;

export function formatApplicationReference(year: number, sequence: number | bigint | string): string {
  const number = String(sequence);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!/^[1-9]\d*$/.test(number)) throw new RangeError(`Not a sequence number: ${number}`);
  return `APP-${year}-${number.padStart(6, '0')}`;
}
