import { prorate } from '@tessera/billing';
import { addDays, compareLocalDates, daysBetween, type LocalDate, type Period } from '../periods';

/** What a plan change "from now" charges for the rest of the current period. */
export interface ProRata {
  /** The days charged: from `from` through the period's end, both included. */
  from: LocalDate;
  to: LocalDate;
  daysLeft: number;
  /** The days of the full cycle period (a shorter first period is still priced per full cycle). */
  fullDays: number;
  /** Net, minor units: the price difference × daysLeft / fullDays, half away from zero. */
  amount: number;
}

/**
 * The pro-rata charge of a plan change on `today`: `priceDifference` (new net price − old, per
 * period, ≥ 0) over the days left in `current` — today included — out of the days of the full
 * cycle period `cycle` that contains it. A period already over leaves nothing to charge; a
 * period not begun yet (paid ahead) is charged whole.
 */
export function proRataCharge(priceDifference: number, today: LocalDate, current: Period, cycle: Period): ProRata {
  if (!Number.isSafeInteger(priceDifference) || priceDifference < 0)
    throw new RangeError(`The price difference must be a whole number ≥ 0, got ${priceDifference}`);
  if (compareLocalDates(cycle.start, current.start) > 0 || compareLocalDates(current.end, cycle.end) > 0)
    throw new RangeError(`${current.start}–${current.end} is not within the cycle period ${cycle.start}–${cycle.end}`);
  const fullDays = daysBetween(cycle.start, cycle.end) + 1;
  const from = compareLocalDates(today, current.start) < 0 ? current.start : today;
  const daysLeft = compareLocalDates(from, current.end) > 0 ? 0 : daysBetween(from, current.end) + 1;
  return {
    from: daysLeft === 0 ? addDays(current.end, 1) : from,
    to: current.end,
    daysLeft,
    fullDays,
    amount: prorate(priceDifference, daysLeft, fullDays),
  };
}
