/**
 * The periods paying ahead would bill, guessed in the browser from the current period: the next
 * ones follow it without gaps, each as many months long. Only a hint for the dialog — the server
 * answers with the real periods (a calendar plan's short first period, for one, gives no guess).
 */
export interface LocalPeriod {
  start: string;
  end: string;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] | null {
  const match = ISO_DAY.exec(day);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day) ?? [1970, 1, 1];
  const moved = new Date(Date.UTC(year, month - 1, date + days));
  return iso(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** `anchor` plus `months`, month-end sticky as on the server (31 Jan + 1 month = 28 Feb). */
function addMonths(anchor: [number, number, number], months: number): string {
  const [year, month, day] = anchor;
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  const length = daysIn(toYear, toMonth);
  return iso(toYear, toMonth, day === daysIn(year, month) ? length : Math.min(day, length));
}

/**
 * How many whole months the period spans (1 Jan – 31 Dec: 12), or null when it is not a whole
 * number of months from its first day.
 */
export function periodMonths(period: LocalPeriod): number | null {
  const start = parts(period.start);
  const after = parts(addDays(period.end, 1));
  if (!start || !after) return null;
  const months = after[0] * 12 + after[1] - (start[0] * 12 + start[1]);
  return months > 0 && addMonths(start, months) === iso(...after) ? months : null;
}

/**
 * The `count` periods after `current`, or [] when they cannot be guessed. Counted from the
 * current period's first day, as the server counts from the subscription's anchor, so a clamped
 * month (30 Jan → 28 Feb) does not shorten the later ones.
 */
export function periodsAfter(current: LocalPeriod, count: number): LocalPeriod[] {
  const months = periodMonths(current);
  const anchor = parts(current.start);
  if (!months || !anchor) return [];
  return Array.from({ length: count }, (_, index) => ({
    start: addMonths(anchor, months * (index + 1)),
    end: addDays(addMonths(anchor, months * (index + 2)), -1),
  }));
}
