import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitUntil } from '@tessera/testing';
import { Pool } from 'pg';
import { LoadClient } from './load-client';
import {
  benchEnvironment,
  describeCpu,
  interleaved,
  multipartBody,
  percentile,
  report,
  startApi,
  timed,
} from './support';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const ROUNDS = 4;
const CONCURRENCY = 16;
const ADMIN = { email: 'bench.admin@tessera.test', password: 'Bench-Admin-Password-1' };

function applicationJson(i: number, planId: string) {
  return {
    kind: 'individual',
    planId,
    locale: 'en',
    consent: { terms: true, privacy: true },
    person: {
      firstName: 'Bench',
      lastName: `Applicant ${i}`,
      email: `applicant${i}@bench.test`,
      phone: '+32 470 12 34 56',
      birthDate: '1990-05-17',
      address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Brussels', country: 'BE' },
      nationality: 'BE',
    },
    professional: { occupation: 'Engineer', employer: 'Bench Ltd', yearsOfExperience: 7 },
  };
}

/**
 * JSON-only applications through the API (an application/json body, staff token, validation,
 * reference, plan check, event and intake job in the outbox) against the same application rows
 * written with one raw INSERT each, each side after a warm-up of WARMUP more; then the same
 * applications as the multipart form's `application` part, for comparison.
 * Target: ≥ 25% of the raw rate, p99 < 4× median.
 */
export async function registrationBench(): Promise<void> {
  const { env, drop } = await benchEnvironment();
  const { process: api, port, stop } = await startApi(env, ADMIN);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: CONCURRENCY });
  pool.on('error', () => undefined); // idle clients are cut when the database is dropped
  try {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<Record<string, unknown>>;
    };
    const { accessToken } = (await post('/auth/login', ADMIN)) as { accessToken: string };
    const plan = (await post(
      '/plans',
      {
        code: 'bench',
        name: 'Bench',
        description: 'Benchmark plan',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        graceDays: 30,
        active: true,
        sortOrder: 0,
      },
      accessToken,
    )) as { id: string };

    const latencies: number[] = [];
    const client = await LoadClient.open(port, CONCURRENCY);
    const headers = { authorization: `Bearer ${accessToken}` };
    const submitJson = async (i: number, record: boolean) => {
      const started = performance.now();
      const body = Buffer.from(JSON.stringify(applicationJson(i, plan.id)));
      const response = await client.post('/api/v1/applications', body, {
        ...headers,
        'content-type': 'application/json',
      });
      if (response.status !== 201) throw new Error(`application ${i}: ${response.status} ${response.body}`);
      if (record) latencies.push(performance.now() - started);
    };
    const submitForm = async (i: number) => {
      const { body, contentType } = multipartBody({ application: JSON.stringify(applicationJson(i, plan.id)) });
      const response = await client.post('/api/v1/applications', body, { ...headers, 'content-type': contentType });
      if (response.status !== 201) throw new Error(`application ${i}: ${response.status} ${response.body}`);
    };
    const insertRaw = async (i: number) => {
      const json = applicationJson(i, plan.id);
      await pool.query(
        `INSERT INTO applications (reference, kind, status, plan_id, locale, source, email, applicant_name, person,
                                   professional, consent, submitted_at, updated_at)
         VALUES ('RAW-' || nextval('application_reference_seq'), 'individual', 'submitted', $1, 'en', 'staff', $2, $3,
                 $4, $5, $6, now(), now())`,
        [
          plan.id,
          `raw${i}@bench.test`,
          `${json.person.firstName} ${json.person.lastName}`,
          json.person,
          json.professional,
          { ...json.consent, consentedAt: new Date().toISOString() },
        ],
      );
    };

    // Warm-up, not measured (their own applicants): without it the first measured requests wait
    // for the JIT and for both pools to open their connections.
    await timed(WARMUP, CONCURRENCY, (i) => submitJson(APPLICATIONS + i, false));
    await timed(WARMUP, CONCURRENCY, (i) => submitForm(APPLICATIONS + WARMUP + i));
    await timed(WARMUP, CONCURRENCY, (i) => insertRaw(APPLICATIONS + i));
    // The same applications as the multipart form's `application` part (what the public form
    // sends, without its files) run beside them, for comparison: not part of the target.
    const [viaApi, raw, viaForm] = await interleaved(
      [
        { apiPid: api.pid, task: (i) => submitJson(i, true) },
        { task: insertRaw },
        { apiPid: api.pid, task: (i) => submitForm(APPLICATIONS + 2 * WARMUP + i) },
      ],
      APPLICATIONS,
      CONCURRENCY,
      ROUNDS,
    );
    client.close();

    report(`Registration: JSON-only applications (${APPLICATIONS}, ${CONCURRENCY} at a time)`, [
      { label: 'POST /applications, application/json (target)', count: APPLICATIONS, ms: viaApi.ms },
      { label: 'POST /applications, multipart/form-data', count: APPLICATIONS, ms: viaForm.ms },
      { label: 'baseline: one raw INSERT per application over pg', count: APPLICATIONS, ms: raw.ms },
    ]);
    const median = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const share = raw.ms / viaApi.ms;
    console.log(
      `  latency through the API: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${(p99 / median).toFixed(2)}× median)`,
    );
    // Where the time goes: the three share the machine's cores, so each one's CPU counts.
    console.log(`  CPU per application through the API: ${describeCpu(viaApi.cpu, APPLICATIONS)}`);
    console.log(`  CPU per application as multipart: ${describeCpu(viaForm.cpu, APPLICATIONS)}`);
    console.log(`  CPU per raw INSERT: ${describeCpu(raw.cpu, APPLICATIONS)}`);
    console.log(
      `  targets: API ≥ 25% of raw → ${(share * 100).toFixed(0)}% ${share >= 0.25 ? 'met' : 'NOT met'}; ` +
        `p99 < 4× median → ${p99 < 4 * median ? 'met' : 'NOT met'}`,
    );
    await measureIntake(env, pool, 2 * APPLICATIONS + 2 * WARMUP);
  } finally {
    await stop();
    await pool.end();
    await drop();
  }
}

/**
 * Not part of the target, but part of the truth: each submission's confirmation e-mail and approval
 * request are done by the worker afterwards (ApplicationIntakeService). Starts it and times how long it
 * takes to complete every intake the run left behind (the raw rows, `RAW-…`, have none).
 */
async function measureIntake(env: Record<string, string>, pool: Pool, count: number): Promise<void> {
  const pending = async () =>
    (
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM applications WHERE intake_completed_at IS NULL AND reference LIKE 'APP-%'`,
        )
      ).rows[0] as {
        n: number;
      }
    ).n;
  const worker = spawn(process.execPath, [join(__dirname, '..', '..', 'apps', 'worker', 'dist', 'main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const started = performance.now();
    await waitUntil(async () => (await pending()) === 0, {
      timeoutMs: 300_000,
      intervalMs: 100,
      description: 'the worker to complete every intake',
    });
    const ms = performance.now() - started;
    console.log(
      `  then the worker: ${count} intakes (confirmation e-mail + approval request) in ${ms.toFixed(0)} ms, ` +
        `${((count / ms) * 1000).toFixed(0)} /s (includes its start-up)`,
    );
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}
