import type { LocalDate } from '@tessera/core';

/** The months the dashboard's charts cover: this one and the 11 before it. */
export const CHART_MONTHS = 12;
/** "New" applications and "due" renewals look this many days back and ahead. */
export const WINDOW_DAYS = 30;

/** A month written YYYY-MM. */
export type LocalMonth = string;

/** The dates the dashboard's figures are measured between, all from the organisation's today. */
export interface DashboardWindow {
  today: LocalDate;
  monthStart: LocalDate;
  yearStart: LocalDate;
  /** The first day of the charts' first month. */
  chartStart: LocalDate;
  /** The charts' months, oldest first (the last is this month). */
  months: LocalMonth[];
  /** Renewals due: periods ending from today to this date (inclusive). */
  renewalsUntil: LocalDate;
  /** New applications: submitted since the start of this UTC date (as the applications list filters). */
  applicationsSince: LocalDate;
}

function shiftDays(date: LocalDate, days: number): LocalDate {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The month `offset` months from `month` (negative: earlier). */
export function shiftMonth(month: LocalMonth, offset: number): LocalMonth {
  const [year, number] = month.split('-').map(Number);
  const index = year * 12 + (number - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a month. */
export function monthEnd(month: LocalMonth): LocalDate {
  return shiftDays(`${shiftMonth(month, 1)}-01`, -1);
}

/** The window as of the organisation's `today` and the UTC date of the same instant. */
export function dashboardWindow(today: LocalDate, utcToday: LocalDate): DashboardWindow {
  const thisMonth = today.slice(0, 7);
  const months = Array.from({ length: CHART_MONTHS }, (_, index) => shiftMonth(thisMonth, index - CHART_MONTHS + 1));
  return {
    today,
    monthStart: `${thisMonth}-01`,
    yearStart: `${today.slice(0, 4)}-01-01`,
    chartStart: `${months[0]}-01`,
    months,
    renewalsUntil: shiftDays(today, WINDOW_DAYS - 1),
    applicationsSince: shiftDays(utcToday, -(WINDOW_DAYS - 1)),
  };
}
