import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { legalStatusMoveSql, memberContactSql, statusChangesSql, type MemberStatus } from '@tessera/members';
import { queuedEmailsSql } from '@tessera/notifications';
import type { StatusSweep } from '../entities/status-sweep.entity';
import { advancedStatusChangeSql, firstStatusChangeSql } from './next-status-change';

/** 3 Jan 2027, as `formatReasonDate` writes it (`Mon` is English whatever the server's locale). */
const day = (date: string) => `to_char(${date}, 'FMDD Mon YYYY')`;
const iso = (date: string) => `to_char(${date}, 'YYYY-MM-DD')`;
const days = (count: string) => `${count} || CASE WHEN ${count} = 1 THEN ' day' ELSE ' days' END`;

/**
 * The engine's rule (member-status-engine.ts) for the changes time alone makes, in SQL over every
 * member at once: for each subscription whose paid period (or membership) has ended by `asOf`,
 * the status it gives and why, in the engine's words — only where that differs from the member's,
 * is a legal move and is not an admin's override still standing. Paid through = the subscription's
 * current period end (the settlement listener moves it over every settled period without a gap).
 * The int-spec checks this agrees with `memberStatusAsOf` member by member.
 */
function timeMovesSql(asOf: string, narrower = ''): string {
  return `
    SELECT s.id AS subscription_id, s.member_id, m.status AS from_status, v.to_status, r.reason_code, v.lapsed,
           s.current_period_end AS period_end, g.grace_end,
           CASE WHEN v.lapsed THEN s.current_period_end ELSE s.ends_on END AS ended_on,
           CASE r.reason_code
             WHEN 'ended' THEN 'Membership ended on ' || ${day('s.ends_on')} || coalesce(': ' || nullif(s.end_reason, ''), '')
             WHEN 'in-grace' THEN 'Membership period ended on ' || ${day('s.current_period_end')}
                                  || '; grace period until ' || ${day('g.grace_end')}
             WHEN 'grace-ended' THEN 'Grace period ended ' || ${days('p.grace_days')} || ' after ' || ${day('s.current_period_end')}
             ELSE 'Suspended for more than ' || ${days('p.lapse_days')} || ' after the grace period ended on ' || ${day('g.grace_end')}
           END AS reason,
           CASE r.reason_code
             WHEN 'ended' THEN jsonb_build_object('endsOn', ${iso('s.ends_on')}, 'endReason', coalesce(s.end_reason, ''))
             WHEN 'in-grace' THEN jsonb_build_object('periodEnd', ${iso('s.current_period_end')},
                                    'graceEnd', ${iso('g.grace_end')}, 'graceDays', p.grace_days)
             WHEN 'grace-ended' THEN jsonb_build_object('periodEnd', ${iso('s.current_period_end')}, 'graceDays', p.grace_days)
             ELSE jsonb_build_object('graceEnd', ${iso('g.grace_end')}, 'lapseDays', p.lapse_days)
           END AS reason_params
      FROM subscriptions s
      JOIN members m ON m.id = s.member_id
      JOIN plans p ON p.id = s.plan_id
      CROSS JOIN LATERAL (SELECT s.current_period_end + p.grace_days AS grace_end) g
      CROSS JOIN LATERAL (SELECT CASE
          WHEN s.ends_on < ${asOf} THEN 'ended'
          WHEN ${asOf} <= s.current_period_end THEN 'paid'
          WHEN ${asOf} <= g.grace_end THEN 'in-grace'
          WHEN ${asOf} - g.grace_end > p.lapse_days THEN 'lapsed'
          ELSE 'grace-ended' END AS reason_code) r
      CROSS JOIN LATERAL (SELECT CASE r.reason_code WHEN 'in-grace' THEN 'in-grace' WHEN 'grace-ended' THEN 'suspended'
                                 ELSE 'ex-member' END AS to_status,
                                 r.reason_code = 'lapsed' AS lapsed) v
     WHERE ((s.state = 'active' AND least(s.current_period_end, s.ends_on) < ${asOf})
            OR (s.state = 'ended' AND s.ends_on < ${asOf}))
       AND r.reason_code <> 'paid'
       AND m.status <> v.to_status
       AND ${legalStatusMoveSql('m.status', 'v.to_status')}
       AND (m.status_override_basis IS NULL OR m.status_override_basis <> v.to_status)
       AND (s.state = 'active' OR NOT EXISTS (
             SELECT 1 FROM subscriptions o
              WHERE o.member_id = s.member_id AND o.id <> s.id
                AND (o.state IN ('pending','active') OR (o.state = 'ended' AND o.start_date > s.start_date))))
       ${narrower}`;
}

/** One member the sweep would move, as the forecast lists them. */
export interface ForecastRow {
  memberId: string;
  number: string;
  name: string;
  from: MemberStatus;
  to: MemberStatus;
  reason: string;
  reasonCode: string;
  reasonParams: Record<string, unknown>;
}

const SWEEP_COLUMNS = `id, to_char(as_of, 'YYYY-MM-DD') AS "asOf", trigger, started_by_user_id AS "startedByUserId",
  state, examined, changed, changes, error, created_at AS "createdAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

/** The only place that speaks SQL for status sweeps; joins the caller's transaction. */
@Injectable()
export class StatusSweepRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * The subscriptions whose next status change has come by `asOf`, in id order (read without
   * locks): an index range scan, so a day when nothing changes reads nothing else.
   */
  async dueSubscriptionIds(asOf: string): Promise<string[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT id FROM subscriptions WHERE next_status_change_on <= $1::date ORDER BY id`,
      [asOf],
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  /**
   * Dates the next status change of these subscriptions (those examined) after `asOf`, from
   * their latest version: one a payment changed meanwhile was dated by it and is left alone.
   * Run first in a batch's transaction, it locks the batch (the move's own lock then costs nothing).
   */
  async advanceStatusChanges(asOf: string, subscriptionIds: string[]): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE subscriptions s SET next_status_change_on = ${advancedStatusChangeSql('s', 'p', '$1::date')}
         FROM plans p
        WHERE p.id = s.plan_id AND s.id = ANY($2::uuid[]) AND s.next_status_change_on <= $1::date`,
      [asOf, subscriptionIds],
    );
  }

  /**
   * A plan's grace or lapse days changed: its live subscriptions dated further than their first
   * possible change are dated back to it (set-based, in the plan's transaction); the next sweep
   * looks at them with the new days.
   */
  async redateStatusChangesOfPlan(planId: string): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE subscriptions s SET next_status_change_on = ${firstStatusChangeSql('s')}
        WHERE s.plan_id = $1 AND s.state = 'active'
          AND (s.next_status_change_on IS NULL OR s.next_status_change_on > ${firstStatusChangeSql('s')})`,
      [planId],
    );
  }

  /**
   * Moves the members of these subscriptions, in one statement: the subscriptions are locked and
   * the rule re-checked on their latest version (READ COMMITTED re-evaluates a locked row that
   * changed), and a member moves only from the status read (re-checked on the updated row), so a
   * renewal settled meanwhile — which locks the subscription and moves its period — wins. Writes
   * each history row, ends the subscriptions of ex-members (a lapse, or an end date passed) and
   * queues the e-mails. Returns the moves by new status.
   */
  async move(
    asOf: string,
    subscriptionIds: string[],
    now: Date,
    portalUrl: string,
  ): Promise<Partial<Record<MemberStatus, number>>> {
    const changes = statusChangesSql('src', { now: '$3', actorKind: `'sweep'` });
    const rows = (await this.transactions.manager.query(
      `WITH src AS (${timeMovesSql('$1::date', 'AND s.id = ANY($2::uuid[])')} FOR NO KEY UPDATE OF s),
       ${changes.ctes},
       ended AS (
         UPDATE subscriptions s
            SET state = 'ended', updated_at = $3,
                ends_on = CASE WHEN moved.lapsed THEN s.current_period_end ELSE s.ends_on END,
                end_reason = CASE WHEN moved.lapsed THEN 'Lapsed: ' || moved.reason ELSE s.end_reason END,
                next_status_change_on = NULL
           FROM moved
          WHERE s.id = moved.subscription_id AND s.state = 'active' AND moved.to_status = 'ex-member'
         RETURNING s.id, s.end_reason),
       events AS (
         INSERT INTO subscription_events (subscription_id, from_state, to_state, reason, actor_user_id, occurred_at)
         SELECT id, 'active', 'ended', end_reason, NULL, $3 FROM ended),
       outgoing AS (
         SELECT contact.email AS recipient, contact.locale,
                CASE moved.to_status WHEN 'in-grace' THEN 'membership-grace-started'
                     WHEN 'suspended' THEN 'membership-suspended' ELSE 'membership-ended' END AS template,
                CASE WHEN moved.to_status = 'ex-member'
                     THEN jsonb_build_object('name', contact.name, 'endedOn', ${iso('moved.ended_on')},
                                             'lapsed', moved.lapsed, 'url', $4::text)
                     ELSE jsonb_build_object('name', contact.name, 'periodEnd', ${iso('moved.period_end')},
                                             'graceEnd', ${iso('moved.grace_end')}, 'url', $4::text) END AS data
           FROM moved CROSS JOIN LATERAL ${memberContactSql('moved.member_id')} contact
          WHERE contact.email IS NOT NULL),
       ${queuedEmailsSql('outgoing', '$3')}
       SELECT to_status AS status, count(*)::int AS count FROM moved GROUP BY to_status`,
      [asOf, subscriptionIds, now, portalUrl],
    )) as { status: MemberStatus; count: number }[];
    return Object.fromEntries(rows.map((row) => [row.status, row.count]));
  }

  /** Members by stored status, and the moves a sweep as of `asOf` would make (by from → to). */
  async forecastCounts(asOf: string): Promise<{
    now: { status: MemberStatus; count: number }[];
    moves: { from: MemberStatus; to: MemberStatus; count: number }[];
  }> {
    const now = (await this.transactions.manager.query(
      `SELECT status, count(*)::int AS count FROM members GROUP BY status`,
    )) as { status: MemberStatus; count: number }[];
    const moves = (await this.transactions.manager.query(
      `SELECT from_status AS "from", to_status AS "to", count(*)::int AS count
         FROM (${timeMovesSql('$1::date')}) due GROUP BY from_status, to_status`,
      [asOf],
    )) as { from: MemberStatus; to: MemberStatus; count: number }[];
    return { now, moves };
  }

  /** A page of the members a sweep as of `asOf` would move, by member number. */
  async forecastMembers(asOf: string, offset: number, limit: number): Promise<ForecastRow[]> {
    return (await this.transactions.manager.query(
      `SELECT due.member_id AS "memberId", m.number,
              coalesce((SELECT p.first_name || ' ' || p.last_name FROM persons p WHERE p.id = m.person_id),
                       (SELECT o.legal_name FROM organisations o WHERE o.id = m.organisation_id)) AS name,
              due.from_status AS "from", due.to_status AS "to", due.reason,
              due.reason_code AS "reasonCode", due.reason_params AS "reasonParams"
         FROM (${timeMovesSql('$1::date')}) due JOIN members m ON m.id = due.member_id
        ORDER BY m.number OFFSET $2 LIMIT $3`,
      [asOf, offset, limit],
    )) as ForecastRow[];
  }

  /** Records a sweep; null when the scheduled sweep of that day is already recorded. */
  async insertSweep(fields: Omit<StatusSweep, 'id'>): Promise<string | null> {
    const rows = (await this.transactions.manager.query(
      `INSERT INTO status_sweeps (as_of, trigger, started_by_user_id, state, examined, changed, changes, created_at)
       VALUES ($1, $2, $3, $4, 0, 0, '{}', $5)
       ON CONFLICT (as_of) WHERE trigger = 'schedule' DO NOTHING RETURNING id`,
      [fields.asOf, fields.trigger, fields.startedByUserId, fields.state, fields.createdAt],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /** Adds a batch's moves to the sweep's counters (batches commit in any order). */
  async addCounts(id: string, moved: Partial<Record<MemberStatus, number>>): Promise<void> {
    const changed = Object.values(moved).reduce((sum, count) => sum + count, 0);
    await this.transactions.manager.query(
      `UPDATE status_sweeps SET changed = changed + $2,
              changes = (SELECT coalesce(jsonb_object_agg(key, total), '{}') FROM (
                           SELECT key, sum(value::int) AS total
                             FROM (SELECT * FROM jsonb_each_text(changes) UNION ALL SELECT * FROM jsonb_each_text($3::jsonb)) c
                            GROUP BY key) t)
        WHERE id = $1`,
      [id, changed, JSON.stringify(moved)],
    );
  }

  async lockSweep(id: string): Promise<StatusSweep | null> {
    const rows = (await this.transactions.manager.query(
      `SELECT ${SWEEP_COLUMNS} FROM status_sweeps WHERE id = $1 FOR UPDATE`,
      [id],
    )) as StatusSweep[];
    return rows[0] ?? null;
  }

  async saveSweep(sweep: StatusSweep): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE status_sweeps SET state = $2, examined = $3, changed = $4, changes = $5, error = $6,
              started_at = $7, finished_at = $8 WHERE id = $1`,
      [
        sweep.id,
        sweep.state,
        sweep.examined,
        sweep.changed,
        JSON.stringify(sweep.changes),
        sweep.error,
        sweep.startedAt,
        sweep.finishedAt,
      ],
    );
  }

  async findSweep(id: string): Promise<StatusSweep | null> {
    const rows = (await this.transactions.manager.query(`SELECT ${SWEEP_COLUMNS} FROM status_sweeps WHERE id = $1`, [
      id,
    ])) as StatusSweep[];
    return rows[0] ?? null;
  }

  async listSweeps(offset: number, limit: number): Promise<[StatusSweep[], number]> {
    const rows = (await this.transactions.manager.query(
      `SELECT ${SWEEP_COLUMNS} FROM status_sweeps ORDER BY created_at DESC, id DESC OFFSET $1 LIMIT $2`,
      [offset, limit],
    )) as StatusSweep[];
    const [{ total }] = (await this.transactions.manager.query(`SELECT count(*)::int AS total FROM status_sweeps`)) as {
      total: number;
    }[];
    return [rows, total];
  }
}
