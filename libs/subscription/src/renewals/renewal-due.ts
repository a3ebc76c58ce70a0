import type { LocalDate } from '@tessera/core';
import { addDays, compareLocalDates } from '../periods';

/**
 * Whether a period ending on `periodEnd` (inclusive) is due for its renewal pro-forma as of
 * `asOf`: from `leadDays` before it ends (0: on its last day) — and so also once it has ended.
 */
export function isRenewalDue(periodEnd: LocalDate, leadDays: number, asOf: LocalDate): boolean {
  return compareLocalDates(addDays(periodEnd, -leadDays), asOf) <= 0;
}
