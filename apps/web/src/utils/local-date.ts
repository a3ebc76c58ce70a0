import { activeLocale } from '@/i18n/locale';

/**
 * Local dates ("2026-03-01"): calendar days in the organisation's time zone, as the API sends
 * membership and billing dates. They are formatted as UTC days, so no browser time zone can move
 * them to the day before.
 */
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(day: string | null | undefined): Date | null {
  const match = day ? ISO_DAY.exec(day) : null;
  if (!match) return null;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function dayFormat(locale: string): Intl.DateTimeFormat {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    formatters.set(locale, format);
  }
  return format;
}

/** "2026-03-01" → "Mar 1, 2026" / "1 mars 2026" in the SPA's language; `fallback` when missing. */
export function formatLocalDate(day: string | null | undefined, fallback = '—', locale = activeLocale.value): string {
  const date = utcDay(day);
  return date ? dayFormat(locale).format(date) : fallback;
}

/** A period of local dates, both days included: "Jan 1 – Dec 31, 2026" / "1 janv. – 31 déc. 2026". */
export function formatLocalPeriod(
  period: { start: string; end: string } | null | undefined,
  fallback = '—',
  locale = activeLocale.value,
): string {
  const start = utcDay(period?.start);
  const end = utcDay(period?.end);
  if (!start || !end) return fallback;
  return dayFormat(locale).formatRange(start, end);
}

/** Today in this browser, as a local date (a default the server checks). */
export function todayLocal(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
