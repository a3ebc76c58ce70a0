import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type { MemberStatus } from '@tessera/members';
import type { DashboardWindow, LocalMonth } from './dashboard-window';

export interface DashboardCounts {
  byStatus: Partial<Record<MemberStatus, number>>;
  applicationsInReview: number;
  applicationsNew: number;
  approvalsPending: number;
  renewalsDue: number;
}

export interface MonthAmount {
  month: LocalMonth;
  currency: string;
  amount: number;
}

export interface CurrencyAmount {
  currency: string;
  amount: number;
  count: number;
}

export interface MonthStatusCount {
  month: LocalMonth;
  status: MemberStatus;
  count: number;
}

// The back office's figures, each one aggregate statement over the tables of the domains below
// (read only): no row is looked at one by one, so the home page stays fast with a million members.

/** The figures' SQL; joins nothing but reads, so it runs on the pool outside any transaction. */
@Injectable()
export class DashboardRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Members by status, applications, approvals and renewals, in one statement. */
  async counts(window: DashboardWindow): Promise<DashboardCounts> {
    const [row] = (await this.transactions.manager.query(
      `SELECT
         (SELECT coalesce(json_object_agg(status, n), '{}'::json)
            FROM (SELECT status, count(*)::int AS n FROM members GROUP BY status) s) AS "byStatus",
         (SELECT count(*)::int FROM applications WHERE status = 'submitted') AS "applicationsInReview",
         (SELECT count(*)::int FROM applications WHERE submitted_at >= $1::date::timestamp AT TIME ZONE 'UTC')
           AS "applicationsNew",
         (SELECT count(*)::int FROM approval_requests WHERE status = 'pending') AS "approvalsPending",
         (SELECT count(*)::int FROM subscriptions
           WHERE state = 'active' AND ends_on IS NULL AND current_period_end BETWEEN $2::date AND $3::date)
           AS "renewalsDue"`,
      [window.applicationsSince, window.today, window.renewalsUntil],
    )) as DashboardCounts[];
    return row;
  }

  /** Payments received (not reversed) by month and currency, from the charts' first month to today. */
  async revenueByMonth(window: DashboardWindow): Promise<MonthAmount[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT to_char(paid_on, 'YYYY-MM') AS month, currency, sum(amount)::bigint AS amount
         FROM billing_payments
        WHERE reversed_at IS NULL AND paid_on BETWEEN $1::date AND $2::date
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [window.chartStart, window.today],
    )) as { month: string; currency: string; amount: string }[];
    return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
  }

  /** What invoices still owe (open or partly paid), by currency. */
  async amountDue(): Promise<CurrencyAmount[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT currency, sum(gross_amount - allocated_amount)::bigint AS amount, count(*)::int AS count
         FROM billing_documents
        WHERE kind = 'invoice' AND state IN ('open', 'partially-paid')
        GROUP BY currency ORDER BY currency`,
    )) as { currency: string; amount: string; count: number }[];
    return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
  }

  /**
   * Members by status at the end of each month (the last one: now), rebuilt from the status
   * history: each change holds from its time until the member's next change; a month counts the
   * changes holding at its end — the start of the next month in the organisation's time zone.
   */
  async statusByMonth(window: DashboardWindow, timeZone: string, now: Date): Promise<MonthStatusCount[]> {
    return (await this.transactions.manager.query(
      `WITH month_ends AS (
         SELECT to_char(d, 'YYYY-MM') AS month,
                least((d + interval '1 month')::timestamp AT TIME ZONE $2, $3::timestamptz) AS at
           FROM generate_series($1::date::timestamp, ($1::date + interval '${window.months.length - 1} months'),
                                interval '1 month') AS d
       ), spans AS (
         SELECT to_status AS status, occurred_at AS since,
                lead(occurred_at) OVER (PARTITION BY member_id ORDER BY occurred_at, seq) AS until
           FROM member_status_changes
       )
       SELECT e.month, s.status, count(*)::int AS count
         FROM spans s JOIN month_ends e ON s.since < e.at AND (s.until IS NULL OR s.until >= e.at)
        WHERE s.until IS NULL OR s.until >= $1::date::timestamp AT TIME ZONE $2
        GROUP BY e.month, s.status ORDER BY e.month, s.status`,
      [window.chartStart, timeZone, now.toISOString()],
    )) as MonthStatusCount[];
  }
}
