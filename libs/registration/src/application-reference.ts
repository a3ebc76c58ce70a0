import { formatYearlyReference } from '@tessera/core';

/** `APP-<year>-<number>`: the number comes from a Postgres sequence, padded to six digits. */
export const APPLICATION_REFERENCE = /^APP-\d{4}-\d{6,}$/;

export function formatApplicationReference(year: number, sequence: number | bigint | string): string {
  return formatYearlyReference('APP', year, sequence);
}
