import { loadavg } from 'node:os';
import type { TestingModule } from '@nestjs/testing';
import { MembersModule } from '@tessera/members';
import { PlansModule, PlansService } from '@tessera/plans';
import { StatusSweepsService, SubscriptionModule } from '@tessera/subscription';
import { createWorkerTestingModule, seedMembers } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { benchEnvironment, report } from './support';

const MEMBERS = Number(process.env.BENCH_STATUS_MEMBERS ?? 1_000_000);
const AS_OF = '2027-06-01';

/**
 * One member in a hundred per slot, as of AS_OF (30 grace days, 60 lapse days): every status,
 * and the 10% the sweep moves — member → in grace (4), in grace → suspended (3), suspended →
 * ex-member by lapse (2), a declined renewal's end passed (1).
 */
const SLOTS: { upTo: number; state: string; status: string; periodEnd: number; endsOn?: number }[] = [
  { upTo: 5, state: 'cancelled', status: 'non-member', periodEnd: 200 },
  { upTo: 15, state: 'pending', status: 'upcoming', periodEnd: 300 },
  { upTo: 70, state: 'active', status: 'member', periodEnd: 120 },
  { upTo: 75, state: 'active', status: 'in-grace', periodEnd: -5 },
  { upTo: 80, state: 'active', status: 'suspended', periodEnd: -40 },
  { upTo: 90, state: 'ended', status: 'ex-member', periodEnd: -100, endsOn: -100 },
  { upTo: 94, state: 'active', status: 'member', periodEnd: -3 },
  { upTo: 97, state: 'active', status: 'in-grace', periodEnd: -35 },
  { upTo: 99, state: 'active', status: 'suspended', periodEnd: -100 },
  { upTo: 100, state: 'active', status: 'member', periodEnd: -2, endsOn: -2 },
];
const MOVING = 10;

/**
 * The daily status sweep over 1,000,000 members in every status, 10% of whom time has moved:
 * the sweep (choice, locks and re-checks, member updates, history rows, subscriptions ended,
 * e-mails in the mail log and the outbox) beside the raw-SQL floor — one UPDATE … FROM computing
 * the same new statuses, without history rows or e-mails (rolled back) — then the same sweep
 * again, which finds nobody to move. Subscriptions are seeded with the next status change date
 * the sweeps before AS_OF would have left, so only the 10% due are read.
 */
export async function statusSweepBench(): Promise<void> {
  const { env, drop } = await benchEnvironment();
  let moduleRef: TestingModule | undefined;
  try {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
      env,
    });
    const db = moduleRef.get(DataSource);
    const seeding = performance.now();
    await seed(moduleRef, db);
    console.log(`  seeded ${MEMBERS} members in ${((performance.now() - seeding) / 1000).toFixed(0)} s`);

    const load = loadavg();
    const floor = await rawFloor(db);
    const sweeps = moduleRef.get(StatusSweepsService);
    let started = performance.now();
    const sweep = await sweeps.execute((await sweeps.start(AS_OF, 'staff', null)) as string);
    const whole = performance.now() - started;
    const expected = (MEMBERS * MOVING) / 100;
    if (sweep.changed !== expected || floor.count !== expected)
      throw new Error(`The sweep moved ${sweep.changed}, the floor ${floor.count}; expected ${expected}`);
    await checkWritten(db, expected);

    started = performance.now();
    const again = await sweeps.execute((await sweeps.start(AS_OF, 'staff', null)) as string);
    const rerun = performance.now() - started;
    if (again.changed !== 0) throw new Error(`The second sweep moved ${again.changed}`);

    report(`Status sweep (${MEMBERS} members, ${expected} moved: ${JSON.stringify(sweep.changes)})`, [
      { label: 'sweep: choice, locks + re-check, history, ends, e-mails', count: sweep.changed, ms: whole },
      { label: 'the same sweep again (nobody to move; members moved/s)', count: 0, ms: rerun },
      { label: 'baseline: one UPDATE … FROM, same new statuses (the floor)', count: floor.count, ms: floor.ms },
    ]);
    console.log(
      `  sweep ${(whole / 1000).toFixed(2)} s (target ≤ 10 s), ${(whole / floor.ms).toFixed(1)}× the floor ` +
        `(target ≤ 10×); no-change sweep ${(rerun / 1000).toFixed(2)} s (target ≤ 3 s); ` +
        `load average before ${load.map((n) => n.toFixed(2)).join(' ')}, after ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
    );
  } finally {
    await moduleRef?.close();
    await drop();
  }
}

export async function seed(moduleRef: TestingModule, db: DataSource): Promise<void> {
  const plan = await moduleRef.get(PlansService).create({
    code: 'sweep',
    name: 'Yearly membership',
    applicantKinds: ['individual'],
    price: { amount: 4000, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
    graceDays: 30,
    lapseDays: 60,
  } as Parameters<PlansService['create']>[0]);
  // Each member's slot (SEED-i: i % 100): the status it had, and its subscription's dates and state.
  const slot = (field: 'state' | 'status' | 'periodEnd' | 'endsOn', n = 'x.n') =>
    `CASE ${SLOTS.map((s) => {
      const value = s[field];
      const sql =
        value === undefined ? 'NULL' : typeof value === 'number' ? `DATE '${AS_OF}' + ${value}` : `'${value}'`;
      return `WHEN ${n} < ${s.upTo} THEN ${sql}`;
    }).join(' ')} END`;
  await seedMembers(db, {
    count: MEMBERS,
    planId: plan.id,
    passwordHash: 'x',
    tag: 'sweep',
    statusSql: slot('status', '(i % 100)'),
  });
  await db.query(`
    CREATE TEMP TABLE slots AS
      SELECT m.id AS member_id, substr(m.source_reference, 6)::int % 100 AS n FROM members m;
    INSERT INTO subscriptions (member_id, plan_id, state, origin, start_date, cycle_anchor, current_period_start,
                               current_period_end, ends_on, end_reason, next_status_change_on, created_at, updated_at)
    SELECT x.member_id, '${plan.id}'::uuid, x.state, 'staff', x.period_end - 364, x.period_end - 364, x.period_end - 364,
           x.period_end, x.ends_on,
           CASE WHEN x.n < 5 THEN 'Invoice credited' WHEN x.ends_on IS NOT NULL THEN 'Renewal declined' END,
           -- What the sweeps before AS_OF left: the day time moves each on from the status it has (30 grace, 60 lapse days).
           CASE WHEN x.state = 'active' THEN least(x.ends_on, x.period_end + CASE x.status
                  WHEN 'member' THEN 0 WHEN 'in-grace' THEN 30 WHEN 'suspended' THEN 90 END) + 1 END,
           now(), now()
      FROM (SELECT x.member_id, x.n, ${slot('state')} AS state, ${slot('status')} AS status,
                   ${slot('periodEnd')} AS period_end, ${slot('endsOn')} AS ends_on FROM slots x) x`);
  await db.query('VACUUM ANALYZE');
}

/** The floor: the same new statuses by one UPDATE … FROM (no locks, history or e-mails), rolled back. */
async function rawFloor(db: DataSource): Promise<{ ms: number; count: number }> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const started = performance.now();
    const [, count] = (await runner.query(
      `UPDATE members m
          SET status = CASE WHEN s.ends_on < $1::date THEN 'ex-member'
                            WHEN $1::date <= s.current_period_end + p.grace_days THEN 'in-grace'
                            WHEN $1::date - (s.current_period_end + p.grace_days) > p.lapse_days THEN 'ex-member'
                            ELSE 'suspended' END,
              updated_at = now()
         FROM subscriptions s JOIN plans p ON p.id = s.plan_id
        WHERE s.member_id = m.id
          AND ((s.state = 'active' AND least(s.current_period_end, s.ends_on) < $1::date)
               OR (s.state = 'ended' AND s.ends_on < $1::date))
          AND m.status IS DISTINCT FROM CASE WHEN s.ends_on < $1::date THEN 'ex-member'
                            WHEN $1::date <= s.current_period_end + p.grace_days THEN 'in-grace'
                            WHEN $1::date - (s.current_period_end + p.grace_days) > p.lapse_days THEN 'ex-member'
                            ELSE 'suspended' END`,
      [AS_OF],
    )) as [unknown, number];
    const ms = performance.now() - started;
    await runner.rollbackTransaction();
    return { ms, count };
  } finally {
    await runner.release();
  }
}

async function checkWritten(db: DataSource, moved: number): Promise<void> {
  const [row] = (await db.query(
    `SELECT (SELECT count(*) FROM member_status_changes WHERE actor_kind = 'sweep')::int AS history,
            (SELECT count(*) FROM email_messages WHERE template LIKE 'membership-%')::int AS emails,
            (SELECT count(*) FROM outbox_messages WHERE queue = 'email')::int AS jobs`,
  )) as { history: number; emails: number; jobs: number }[];
  for (const [what, n] of Object.entries(row))
    if (n !== moved) throw new Error(`Expected ${moved} ${what}, found ${n}`);
}
