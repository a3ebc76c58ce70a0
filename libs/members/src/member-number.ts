/** `M-<number>`: the number comes from a Postgres sequence, padded to six digits (M-000042). */
export const MEMBER_NUMBER = /^M-\d{6,}$/;

export function formatMemberNumber(sequence: number | bigint | string): string {
  const number = String(sequence);
  if (!/^[1-9]\d*$/.test(number)) throw new RangeError(`Not a sequence number: ${number}`);
  return `M-${number.padStart(6, '0')}`;
}
