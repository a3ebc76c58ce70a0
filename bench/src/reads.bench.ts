import { createHmac } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { seedMembers } from '@tessera/testing';
import { Pool } from 'pg';
import { LoadClient } from './load-client';
import {
  benchEnvironment,
  describeCpu,
  interleaved,
  percentile,
  report,
  startApi,
  startServer,
  timed,
  type Side,
} from './support';

const SMALL = Number(process.env.BENCH_READS_SMALL ?? 2000);
const LARGE = Number(process.env.BENCH_READS_LARGE ?? 100_000);
const REQUESTS = Number(process.env.BENCH_READS_REQUESTS ?? 8000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const COUNTED = 200;
const ROUNDS = 8;
const CONCURRENCY = 16;
/** Signed-in members the requests rotate through, spread over the seed (persons and organisations' contacts). */
const READERS = 16;
const ADMIN = { email: 'bench.admin@tessera.test', password: 'Bench-Admin-Password-1' };

interface Reader {
  token: string;
  memberId: string;
}

/** A database with `members` seeded members and the API on it; `readers` signed in. */
interface Deployment {
  members: number;
  env: Record<string, string>;
  pool: Pool;
  api: Server;
  readers: Reader[];
  close(): Promise<void>;
}

/**
 * GET /me and GET /members/{id} (a member's own page) with LARGE members seeded, through the API
 * and through a raw Fastify + pg server answering the same JSON in two statements, side by side
 * (interleaved rounds); and through the API over SMALL members, so a cost that grows with the
 * association shows. Targets: API ≥ 0.6× raw, p99 ≤ 4× median, API at LARGE ≥ 0.8× API at SMALL.
 */
export async function readsBench(): Promise<void> {
  const large = await deploy(LARGE, 'large');
  const small = await deploy(SMALL, 'small');
  const raw = await startServer('bench/dist/raw-reads-server.js', large.env, '/health');
  try {
    await compare(large, small, raw);
  } finally {
    await raw.stop();
    await large.close();
    await small.close();
  }
}

type Server = Awaited<ReturnType<typeof startServer>>;

async function compare(large: Deployment, small: Deployment, raw: Server): Promise<void> {
  const clients = {
    large: await LoadClient.open(large.api.port, CONCURRENCY),
    small: await LoadClient.open(small.api.port, CONCURRENCY),
    raw: await LoadClient.open(raw.port, CONCURRENCY),
  };
  try {
    await measure(large, small, raw, clients);
  } finally {
    // Open keep-alive connections would hold the servers' shutdown.
    for (const client of Object.values(clients)) client.close();
  }
}

async function measure(
  large: Deployment,
  small: Deployment,
  raw: Server,
  clients: { large: LoadClient; small: LoadClient; raw: LoadClient },
): Promise<void> {
  const latencies = {
    api: { me: [] as number[], member: [] as number[] },
    raw: { me: [] as number[], member: [] as number[] },
  };
  const request =
    (client: LoadClient, deployment: Deployment, prefix: string, page: 'me' | 'member', record?: 'api' | 'raw') =>
    async (i: number) => {
      const reader = deployment.readers[i % READERS];
      const path = page === 'me' ? `${prefix}/me` : `${prefix}/members/${reader.memberId}`;
      const started = performance.now();
      const response = await client.get(path, { authorization: `Bearer ${reader.token}` });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body}`);
      if (record) latencies[record][page].push(performance.now() - started);
      return response.body;
    };
  const sides = (page: 'me' | 'member', record: boolean): Side[] => [
    { apiPid: large.api.process.pid, task: request(clients.large, large, '/api/v1', page, record ? 'api' : undefined) },
    { apiPid: raw.process.pid, task: request(clients.raw, large, '', page, record ? 'raw' : undefined) },
    { apiPid: small.api.process.pid, task: request(clients.small, small, '/api/v1', page) },
  ];

  for (const page of ['me', 'member'] as const) {
    const [viaApi, viaRaw] = sides(page, false);
    const same = isDeepStrictEqual(JSON.parse(String(await viaApi.task(0))), JSON.parse(String(await viaRaw.task(0))));
    if (!same) throw new Error(`The raw server's ${page} differs from the API's`);
  }
  const [meApi, meRaw] = sides('me', false);
  const [memberApi, memberRaw] = sides('member', false);
  const [apiMe, rawMe, apiMember, rawMember] = await statementsPerRequest(large.pool, [
    meApi,
    meRaw,
    memberApi,
    memberRaw,
  ]);
  const statements = { me: [apiMe, rawMe], member: [apiMember, rawMember] };
  for (const page of ['me', 'member'] as const)
    for (const side of sides(page, false)) await timed(WARMUP, CONCURRENCY, side.task);

  for (const page of ['me', 'member'] as const) {
    const [api, baseline, apiSmall] = await interleaved(sides(page, true), REQUESTS, CONCURRENCY, ROUNDS);
    const path = page === 'me' ? 'GET /me' : 'GET /members/{id} (a member, their own)';
    report(`Reads: ${path} (${REQUESTS} each, ${CONCURRENCY} at a time, answers compared: same JSON)`, [
      { label: `API, ${LARGE.toLocaleString('en')} members (target)`, count: REQUESTS, ms: api.ms },
      { label: `API, ${SMALL.toLocaleString('en')} members`, count: REQUESTS, ms: apiSmall.ms },
      { label: `baseline: raw Fastify + pg, ${LARGE.toLocaleString('en')} members`, count: REQUESTS, ms: baseline.ms },
    ]);
    const median = percentile(latencies.api[page], 50);
    const p99 = percentile(latencies.api[page], 99);
    const [rawMedian, rawP99] = [50, 99].map((p) => percentile(latencies.raw[page], p));
    const [apiStatements, rawStatements] = statements[page];
    console.log(`  statements per request: API ${apiStatements.toFixed(2)}, raw ${rawStatements.toFixed(2)}`);
    console.log(
      `  latency through the API: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${(p99 / median).toFixed(2)}× median); ` +
        `raw: median ${rawMedian.toFixed(1)} ms, p99 ${rawP99.toFixed(1)} ms (${(rawP99 / rawMedian).toFixed(2)}×)`,
    );
    console.log(`  CPU per request through the API: ${describeCpu(api.cpu, REQUESTS)}`);
    console.log(`  … with ${SMALL.toLocaleString('en')} members: ${describeCpu(apiSmall.cpu, REQUESTS)}`);
    console.log(`  CPU per raw request: ${describeCpu(baseline.cpu, REQUESTS, 'raw server')}`);
    const share = baseline.ms / api.ms;
    const growth = apiSmall.ms / api.ms;
    console.log(
      `  targets: API ≥ 0.6× raw → ${share.toFixed(2)}× ${share >= 0.6 ? 'met' : 'NOT met'}; ` +
        `p99 ≤ 4× median → ${p99 <= 4 * median ? 'met' : 'NOT met'}; ` +
        `API at ${LARGE.toLocaleString('en')} ≥ 0.8× at ${SMALL.toLocaleString('en')} → ${growth.toFixed(2)}× ${growth >= 0.8 ? 'met' : 'NOT met'}`,
    );
  }
}

async function deploy(members: number, tag: string): Promise<Deployment> {
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
  const readers: Reader[] = [];
  for (let k = 0; k < READERS; k++) {
    const i = 1 + Math.floor((k * members) / READERS) + (k % 5); // k % 5 mixes persons and organisations' contacts
    const { rows } = await pool.query(
      `SELECT u.id AS "userId", m.id AS "memberId" FROM users u
         JOIN members m ON m.source_reference = $2
        WHERE u.email = $1`,
      [seeded.emailOf(i), `SEED-${i}`],
    );
    const { userId, memberId } = rows[0] as { userId: string; memberId: string };
    readers.push({ token: await signIn(pool, env.JWT_SECRET, userId), memberId });
  }
  return {
    members,
    env,
    pool,
    api,
    readers,
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
async function statementsPerRequest(pool: Pool, sides: Side[]): Promise<number[]> {
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
    await timed(COUNTED, 1, side.task);
    const after = await transactions();
    counts.push((after - before - 1) / COUNTED); // less the read of `before`, counted after it
    before = after;
  }
  return counts;
}
