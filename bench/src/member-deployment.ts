import { createHmac } from 'node:crypto';
import { seedMembers } from '@tessera/testing';
import { Pool } from 'pg';
import { benchEnvironment, startApi, timed, type Side } from './support';

const ADMIN = { email: 'bench.admin@tessera.test', password: 'Bench-Admin-Password-1' };

export type Server = Awaited<ReturnType<typeof startApi>>;

/** A signed-in member: their access token and the member they are (or are the contact of). */
export interface Reader {
  token: string;
  memberId: string;
}

/** A database with `members` seeded members and the API on it; `readers` signed in. */
export interface Deployment {
  members: number;
  env: Record<string, string>;
  pool: Pool;
  api: Server;
  readers: Reader[];
  close(): Promise<void>;
}

/**
 * A fresh database with `members` members seeded (libs/testing's seedMembers: every fifth an
 * organisation with its contact), the API on it, and `readers` of them signed in, spread over
 * the seed so that persons and organisations' contacts mix.
 */
export async function deployMembers(members: number, tag: string, readers: number): Promise<Deployment> {
  const { env, drop } = await benchEnvironment();
  const api = await startApi(env, ADMIN);
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
  pool.on('error', () => undefined); // idle clients are cut when the database is dropped
  // Every seeded account has the administrator's password hash (made by the API at start).
  const [{ hash }] = (await pool.query(`SELECT password_hash AS hash FROM users WHERE email = $1`, [ADMIN.email]))
    .rows as { hash: string }[];
  const [plan] = (
    await pool.query(
      `INSERT INTO plans (code, name, applicant_kinds, price_amount, price_currency, period_count, period_unit)
       VALUES ('bench', 'Bench', ARRAY['individual','organisation'], 6000, 'EUR', 1, 'year') RETURNING id`,
    )
  ).rows as { id: string }[];
  const started = performance.now();
  const seeded = await seedMembers(pool, { count: members, planId: plan.id, passwordHash: hash, tag });
  console.log(
    `  (seeded ${members.toLocaleString('en')} members in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  const signedIn: Reader[] = [];
  for (let k = 0; k < readers; k++) {
    const i = 1 + Math.floor((k * members) / readers) + (k % 5); // k % 5 mixes persons and organisations' contacts
    const { rows } = await pool.query(
      `SELECT u.id AS "userId", m.id AS "memberId" FROM users u
         JOIN members m ON m.source_reference = $2
        WHERE u.email = $1`,
      [seeded.emailOf(i), `SEED-${i}`],
    );
    const { userId, memberId } = rows[0] as { userId: string; memberId: string };
    signedIn.push({ token: await signIn(pool, env.JWT_SECRET, userId), memberId });
  }
  return {
    members,
    env,
    pool,
    api,
    readers: signedIn,
    async close() {
      await api.stop();
      await pool.end();
      await drop();
    },
  };
}

/**
 * A session and its access token, made as the API's login makes them (without the login's
 * argon2 and rate limits, which are not what this measures).
 */
async function signIn(pool: Pool, secret: string, userId: string): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO sessions (user_id, created_at, expires_at) VALUES ($1, now(), now() + interval '1 day') RETURNING id`,
    [userId],
  );
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
    sub: userId,
    sid: (rows[0] as { id: string }).id,
    roles: ['member'],
    iat: now,
    exp: now + 3600,
    iss: 'tessera',
    aud: 'tessera-api',
  })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/**
 * Statements a request of each side makes, from PostgreSQL's transaction count for the database:
 * these reads run each statement on its own (no BEGIN), so one statement is one transaction.
 * Backends report their counts when idle, at most every 10 s, hence the waits.
 */
export async function statementsPerRequest(pool: Pool, sides: Side[], counted = 200): Promise<number[]> {
  const transactions = async () => {
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const { rows } = await pool.query(
      `SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return Number((rows[0] as { n: string }).n);
  };
  const counts: number[] = [];
  let before = await transactions();
  for (const side of sides) {
    await timed(counted, 1, side.task);
    const after = await transactions();
    counts.push((after - before - 1) / counted); // less the read of `before`, counted after it
    before = after;
  }
  return counts;
}
