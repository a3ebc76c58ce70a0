import { Injectable } from '@nestjs/common';
import { proFormaExistsSql } from '@tessera/billing';
import { isoTimestampSql, Transactions } from '@tessera/core';
import { planRenewalLeadDaysSql } from '@tessera/plans';
import { RenewalRun } from '../entities/renewal-run.entity';
import { SUBSCRIPTION_SUBJECT } from '../subscription.types';

/** A live subscription whose next period is due for its pro-forma. */
export interface DueSubscription {
  id: string;
  memberId: string;
  planId: string;
  cycleAnchor: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
}

// Live, not ending with its current period (a termination may end it later), within its plan's
// lead days of its period's end as of $1, and without a pro-forma for the next period yet.
const DUE = `s.state IN ('pending','active') AND (s.ends_on IS NULL OR s.ends_on > s.current_period_end)
  AND s.current_period_end - ${planRenewalLeadDaysSql('s.plan_id')} <= $1::date
  AND NOT ${proFormaExistsSql(`'${SUBSCRIPTION_SUBJECT}'`, 's.id', 's.current_period_end + 1')}`;

/** The plan the next period is billed on: a change "at renewal" takes effect there. */
const RENEWAL_PLAN = 'coalesce(s.next_plan_id, s.plan_id)';

const RUN_COLUMNS = `r.id, to_char(r.as_of, 'YYYY-MM-DD') AS "asOf", r.trigger, r.started_by_user_id AS "startedByUserId",
  (SELECT u.name FROM users u WHERE u.id = r.started_by_user_id) AS "startedByName", r.state, r.examined, r.issued,
  r.totals, r.failures, r.error, ${isoTimestampSql('r.created_at')} AS "createdAt",
  ${isoTimestampSql('r.started_at')} AS "startedAt", ${isoTimestampSql('r.finished_at')} AS "finishedAt"`;

export interface RenewalRunRow {
  id: string;
  asOf: string;
  trigger: RenewalRun['trigger'];
  startedByUserId: string | null;
  startedByName: string | null;
  state: RenewalRun['state'];
  examined: number;
  issued: number;
  totals: RenewalRun['totals'];
  failures: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

@Injectable()
export class RenewalRepository {
  constructor(private readonly transactions: Transactions) {}

  private get runs() {
    return this.transactions.repository(RenewalRun);
  }

  /** The next `limit` due subscriptions after `afterId` (walking by id, so a batch never repeats). */
  async dueBatch(asOf: string, afterId: string, limit: number): Promise<DueSubscription[]> {
    return (await this.transactions.manager.query(
      `SELECT s.id, s.member_id AS "memberId", ${RENEWAL_PLAN} AS "planId",
              to_char(s.cycle_anchor, 'YYYY-MM-DD') AS "cycleAnchor",
              to_char(s.current_period_start, 'YYYY-MM-DD') AS "currentPeriodStart",
              to_char(s.current_period_end, 'YYYY-MM-DD') AS "currentPeriodEnd"
         FROM subscriptions s WHERE ${DUE} AND s.id > $2::uuid ORDER BY s.id LIMIT $3`,
      [asOf, afterId, limit],
    )) as DueSubscription[];
  }

  /**
   * Locks a batch's subscriptions (FOR SHARE, in id order) inside its issuing transaction and reads
   * them again as committed: a plan change or termination decided meanwhile (which locks the row
   * FOR UPDATE) is either waited for and seen, or waits for the batch and sees its pro-formas.
   */
  async lockForIssue(ids: string[]): Promise<DueSubscription[]> {
    if (ids.length === 0) return [];
    return (await this.transactions.manager.query(
      `SELECT s.id, s.member_id AS "memberId", ${RENEWAL_PLAN} AS "planId",
              to_char(s.cycle_anchor, 'YYYY-MM-DD') AS "cycleAnchor",
              to_char(s.current_period_start, 'YYYY-MM-DD') AS "currentPeriodStart",
              to_char(s.current_period_end, 'YYYY-MM-DD') AS "currentPeriodEnd"
         FROM subscriptions s
        WHERE s.id = ANY($1::uuid[]) AND s.state IN ('pending','active')
          AND (s.ends_on IS NULL OR s.ends_on > s.current_period_end)
        ORDER BY s.id FOR SHARE OF s`,
      [ids],
    )) as DueSubscription[];
  }

  /** How many subscriptions are due as of a date, by plan. */
  async dueByPlan(asOf: string): Promise<{ planId: string; count: number }[]> {
    return (await this.transactions.manager.query(
      `SELECT ${RENEWAL_PLAN} AS "planId", count(*)::int AS count FROM subscriptions s WHERE ${DUE} GROUP BY 1`,
      [asOf],
    )) as { planId: string; count: number }[];
  }

  /** Records a run; a second daily run for the same date is not recorded (null). */
  async insertRun(run: Omit<RenewalRun, 'id'>): Promise<string | null> {
    const result = await this.runs
      .createQueryBuilder()
      .insert()
      .into(RenewalRun)
      .values(run)
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  lockRun(id: string): Promise<RenewalRun | null> {
    return this.runs.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveRun(run: RenewalRun): Promise<void> {
    await this.runs.update({ id: run.id }, run);
  }

  async findRun(id: string): Promise<RenewalRunRow | null> {
    const [row] = (await this.transactions.manager.query(`SELECT ${RUN_COLUMNS} FROM renewal_runs r WHERE r.id = $1`, [
      id,
    ])) as RenewalRunRow[];
    return row ?? null;
  }

  async listRuns(offset: number, limit: number): Promise<[RenewalRunRow[], number]> {
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM renewal_runs`)) as { total: number }[];
    const rows = (await manager.query(
      `SELECT ${RUN_COLUMNS} FROM renewal_runs r ORDER BY r.created_at DESC, r.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    )) as RenewalRunRow[];
    return [rows, total];
  }
}
