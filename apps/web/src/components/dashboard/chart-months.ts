import type { MemberStatus } from '@/api/types';

/** "Mar 26", "mars 26": a YYYY-MM month as a chart's axis shows it. */
export function monthLabel(month: string, locale: string): string {
  const [year = 1970, number = 1] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, number - 1, 1)),
  );
}

/** The statuses' colours in charts, matching their tags (theme.ts). */
export const STATUS_COLOURS: Record<MemberStatus, string> = {
  upcoming: '#2563eb',
  member: '#15803d',
  'in-grace': '#d97706',
  suspended: '#b91c1c',
  'ex-member': '#52625f',
  'non-member': '#a3b1af',
};

/** One colour per currency, in the order they come. */
export const CURRENCY_COLOURS = ['#0f766e', '#1d4ed8', '#b45309', '#7c3aed'];
