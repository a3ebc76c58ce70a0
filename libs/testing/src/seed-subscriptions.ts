import type { SqlRunner } from './seed-members';

/**
 * Gives every member without a live subscription an active one on `planId` (a yearly plan
 * anchored on the join date), in one set-based statement: member i (in id order) starts on
 * `firstStart` + (i mod `spreadDays`) days, so their periods end within a few weeks of each other
 * and a renewal run as of a date near the end finds them all due; their next status change is the
 * day after their period (as SubscriptionRepository dates it). Returns how many it added.
 */
export async function seedYearlySubscriptions(
  db: SqlRunner,
  options: { planId: string; firstStart: string; spreadDays: number },
): Promise<number> {
  const rows = (await db.query(
    `WITH members_without AS (
       SELECT m.id, ((row_number() OVER (ORDER BY m.id) - 1) % $3::int)::int AS offset_days
         FROM members m
        WHERE NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.member_id = m.id AND s.state IN ('pending','active'))),
     inserted AS (
       INSERT INTO subscriptions (member_id, plan_id, state, origin, start_date, cycle_anchor, current_period_start,
                                  current_period_end, next_status_change_on, created_at, updated_at)
       SELECT w.id, $1::uuid, 'active', 'staff', $2::date + w.offset_days, $2::date + w.offset_days,
              $2::date + w.offset_days, ($2::date + w.offset_days + interval '1 year' - interval '1 day')::date,
              ($2::date + w.offset_days + interval '1 year')::date, now(), now()
         FROM members_without w
       RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [options.planId, options.firstStart, options.spreadDays],
  )) as { n: number }[];
  await db.query(`ANALYZE subscriptions`);
  return rows[0].n;
}
