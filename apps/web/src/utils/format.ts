import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';

/** Intl formatters for the SPA's current language, made once per language. */
const formatters = new Map<
  string,
  { dateTime: Intl.DateTimeFormat; dateOnly: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat }
>();

function intl() {
  const locale = activeLocale.value;
  let made = formatters.get(locale);
  if (!made) {
    made = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      dateOnly: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    formatters.set(locale, made);
  }
  return made;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 Mar 2025, 14:05" in the SPA's language; `fallback` for missing values. */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  const date = parse(iso);
  return date ? intl().dateTime.format(date) : fallback;
}

export function formatDate(iso: string | null | undefined, fallback = '—'): string {
  const date = parse(iso);
  return date ? intl().dateOnly.format(date) : fallback;
}

/** "just now", "3 minutes ago", "yesterday"… */
export function formatRelative(iso: string | null | undefined, fallback = '—', now = Date.now()): string {
  const date = parse(iso);
  if (!date) return fallback;
  const seconds = Math.round((date.getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  const { relative } = intl();
  // Intl says "now"; people say "just now".
  if (abs < 45) return translate('format.justNow');
  if (abs < 45 * 60) return relative.format(Math.round(seconds / 60), 'minute');
  if (abs < 22 * 3600) return relative.format(Math.round(seconds / 3600), 'hour');
  if (abs < 26 * 86400) return relative.format(Math.round(seconds / 86400), 'day');
  return formatDate(iso);
}

export function initials(name: string | null | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase() || '?';
}

export function firstName(name: string | null | undefined): string {
  return (name ?? '').trim().split(/\s+/)[0] ?? '';
}
