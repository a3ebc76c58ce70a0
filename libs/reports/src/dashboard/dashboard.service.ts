import { Injectable } from '@nestjs/common';
import { Clock, localDateIn } from '@tessera/core';
import { MEMBER_STATUSES, type MemberStatus } from '@tessera/members';
import type { MoneyDto } from '@tessera/plans';
import { OrganisationSettingsService } from '@tessera/settings';
import { dashboardWindow, monthEnd, type DashboardWindow } from './dashboard-window';
import type { DashboardDto, StatusCountDto } from './dashboard.dto';
import { DashboardRepository, type MonthAmount, type MonthStatusCount } from './dashboard.repository';

/** The back office's home figures, as of the organisation's today. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly figures: DashboardRepository,
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
  ) {}

  async dashboard(): Promise<DashboardDto> {
    const now = this.clock.now();
    const { timeZone } = await this.settings.billingTerms();
    const window = dashboardWindow(localDateIn(timeZone, now), now.toISOString().slice(0, 10));
    // Independent reads: run side by side on the pool.
    const [counts, revenue, due, statuses] = await Promise.all([
      this.figures.counts(window),
      this.figures.revenueByMonth(window),
      this.figures.amountDue(),
      this.figures.statusByMonth(window, timeZone, now),
    ]);
    const byStatus = statusCounts((status) => counts.byStatus[status] ?? 0);
    return {
      asOf: window.today,
      timeZone,
      members: { total: byStatus.reduce((sum, row) => sum + row.count, 0), byStatus },
      applications: {
        inReview: counts.applicationsInReview,
        recent: counts.applicationsNew,
        since: window.applicationsSince,
      },
      approvals: { pending: counts.approvalsPending },
      renewals: { due: counts.renewalsDue, from: window.today, to: window.renewalsUntil },
      revenue: {
        monthStart: window.monthStart,
        yearStart: window.yearStart,
        thisMonth: moneyOf(revenue.filter((row) => `${row.month}-01` >= window.monthStart)),
        thisYear: moneyOf(revenue.filter((row) => `${row.month}-01` >= window.yearStart)),
      },
      amountDue: {
        invoices: due.reduce((sum, row) => sum + row.count, 0),
        amounts: due.map(({ amount, currency }) => ({ amount, currency })),
      },
      statusHistory: window.months.map((month) => ({
        month,
        asOf: lastDay(window, month),
        counts: statusCounts((status) => countOf(statuses, month, status)),
      })),
      revenueByMonth: window.months.map((month) => ({
        month,
        from: `${month}-01`,
        to: lastDay(window, month),
        amounts: moneyOf(revenue.filter((row) => row.month === month)),
      })),
    };
  }
}

function statusCounts(count: (status: MemberStatus) => number): StatusCountDto[] {
  return MEMBER_STATUSES.map((status) => ({ status, count: count(status) }));
}

function countOf(rows: MonthStatusCount[], month: string, status: MemberStatus): number {
  return rows.find((row) => row.month === month && row.status === status)?.count ?? 0;
}

/** The month's last day; this month's is today (its figures are as of now). */
function lastDay(window: DashboardWindow, month: string): string {
  return month === window.today.slice(0, 7) ? window.today : monthEnd(month);
}

/** Sums per currency, in currency order. */
function moneyOf(rows: MonthAmount[]): MoneyDto[] {
  const totals = new Map<string, number>();
  for (const row of rows) totals.set(row.currency, (totals.get(row.currency) ?? 0) + row.amount);
  return [...totals.keys()].sort().map((currency) => ({ currency, amount: totals.get(currency)! }));
}
