import type { RenewalPreviewPlan, RenewalRun } from '@/api/types';
import { todayLocal } from '@/utils/local-date';

/** A run still at work: its page polls it. */
export function isRunning(run: Pick<RenewalRun, 'state'>): boolean {
  return run.state === 'queued' || run.state === 'running';
}

/**
 * How far a run is, 0–100: subscriptions examined out of those the preview found due (the run
 * does not know its total in advance). Done is 100 whatever was due; a run finding more than the
 * preview did stays just short of 100 until it says it is done.
 */
export function runPercentage(run: Pick<RenewalRun, 'state' | 'examined'>, due: number | null): number {
  if (run.state === 'done') return 100;
  if (!due || due <= 0) return 0;
  return Math.min(99, Math.floor((run.examined / due) * 100));
}

/** How long a run took (or has taken so far, against `now`), in milliseconds; null before it starts. */
export function runDurationMs(
  run: Pick<RenewalRun, 'startedAt' | 'finishedAt'>,
  now: number = Date.now(),
): number | null {
  if (!run.startedAt) return null;
  const start = Date.parse(run.startedAt);
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? null : Math.max(0, end - start);
}

/** "40 ms", "1.5 s", "12 s", "3.5 min" in the locale's words and spaces. */
export function formatDuration(ms: number | null, locale: string, fallback = '—'): string {
  if (ms === null) return fallback;
  const seconds = ms / 1000;
  const [value, unit] =
    ms < 1000 ? [Math.round(ms), 'millisecond'] : seconds < 60 ? [seconds, 'second'] : [seconds / 60, 'minute'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

/** The calendar day of an instant in a time zone (the browser's when none or unknown), as YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone?: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
    const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    return todayLocal(instant);
  }
}

/**
 * The day a run issued its pro-formas, their issue date: the day it started in the organisation's
 * time zone (a run at 00:30 in Brussels is 23:30 the day before in UTC).
 */
export function runDay(run: Pick<RenewalRun, 'startedAt' | 'createdAt'>, timeZone?: string): string {
  return dayIn(new Date(run.startedAt ?? run.createdAt), timeZone);
}

/** A plan's bar in the preview: its share of the largest plan's count, in percent (a visible sliver at least). */
export function planBarWidths(plans: Pick<RenewalPreviewPlan, 'count'>[]): number[] {
  const largest = Math.max(0, ...plans.map((plan) => plan.count));
  return plans.map((plan) => (largest === 0 ? 0 : Math.max(2, Math.round((plan.count / largest) * 100))));
}
