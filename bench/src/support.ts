import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataSourceOptions } from '@tessera/core';
import { freePort, waitUntil } from '@tessera/testing';
import { tesseraSchema } from '@tessera/schema';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, migrated database and the environment the apps read, for one benchmark run. */
export async function benchEnvironment(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const id = randomBytes(4).toString('hex');
  const database = `tessera_bench_${id}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE "${database}"`);
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: ADMIN_URL.replace(/\/[^/]*$/, `/${database}`),
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    SMTP_URL: 'smtp://127.0.0.1:9',
    MAIL_FROM: 'Bench <bench@tessera.test>',
    PUBLIC_URL: 'http://tessera.test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'tessera-bench-')),
    QUEUE_PREFIX: `bench-${id}`,
    LOG_LEVEL: 'silent',
  };
  const dataSource = new DataSource(dataSourceOptions(env.DATABASE_URL, tesseraSchema));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return { env, drop: () => admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`) };
}

/**
 * A Node program of this repository (the API's dist/main.js, a baseline server…) in its own
 * process, as in production, so the load generator does not share its CPU; resolves once `ready`
 * (a path, e.g. /api/health) answers 200 on its PORT. `stop` ends it and waits for it to exit.
 */
export async function startServer(
  script: string,
  env: Record<string, string>,
  ready: string,
  nodeArgs: string[] = [],
): Promise<{ process: ChildProcess; port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(__dirname, '..', '..', script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}${ready}`).catch(() => null))?.status === 200, {
    timeoutMs: 30_000,
    description: `${script} to start`,
  });
  return {
    process: child,
    port,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The API (apps/api/dist/main.js) on a free port, its first administrator `admin`; BENCH_API_NODE_ARGS for profiles. */
export function startApi(
  env: Record<string, string>,
  admin: { email: string; password: string },
): ReturnType<typeof startServer> {
  return startServer(
    'apps/api/dist/main.js',
    { ...env, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
    '/api/health',
    (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
}

/** Runs `count` tasks with at most `concurrency` in flight; returns the elapsed milliseconds. */
export async function timed(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

export function report(name: string, rows: { label: string; count: number; ms: number }[]): void {
  console.log(`\n${name}`);
  const baseline = rows[rows.length - 1];
  for (const row of rows) {
    const rate = (row.count / row.ms) * 1000;
    const share =
      row === baseline
        ? 'baseline'
        : `${((rate / ((baseline.count / baseline.ms) * 1000)) * 100).toFixed(0)}% of baseline`;
    console.log(
      `  ${row.label.padEnd(58)} ${rate.toFixed(0).padStart(7)} /s  (${row.count} in ${row.ms.toFixed(0)} ms, ${share})`,
    );
  }
}

/** The p-th percentile (0–100) of some measurements, nearest-rank. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * CPU time (user + system) a process has used so far, in ms, read from /proc; null where there
 * is no /proc (the figure is then left out). Ticks are the kernel's USER_HZ, 100 on Linux.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A multipart/form-data body of text fields, as a browser's FormData would send it. */
export function multipartBody(fields: Record<string, string>): { body: Buffer; contentType: string } {
  const boundary = `----tessera-bench-${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** CPU time (user + system) this process has used so far, in ms. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * CPU time used so far by every PostgreSQL process on this machine (backends, WAL writer…), in
 * ms; null without /proc. Only meaningful as a difference over a stretch where the benchmark is
 * the database's only client.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // a process that ended since the directory was read
    }
    if (stat.includes('(postgres)')) total += processCpuMs(Number(pid)) ?? 0;
  }
  return total;
}

export interface CpuShares {
  api: number | null;
  loadGenerator: number;
  postgres: number | null;
}

/** Starts counting the CPU time of the API process, this process and PostgreSQL; `stop` gives ms each. */
export function cpuMeter(apiPid: number | undefined): { stop(): CpuShares } {
  const api = processCpuMs(apiPid);
  const load = ownCpuMs();
  const postgres = postgresCpuMs();
  return {
    stop() {
      const apiAfter = processCpuMs(apiPid);
      const postgresAfter = postgresCpuMs();
      return {
        api: api !== null && apiAfter !== null ? apiAfter - api : null,
        loadGenerator: ownCpuMs() - load,
        postgres: postgres !== null && postgresAfter !== null ? postgresAfter - postgres : null,
      };
    },
  };
}

/** A side of a comparison: its operations (by index) and the API process whose CPU to count, if any. */
export interface Side {
  apiPid?: number;
  task: (index: number) => Promise<unknown>;
}

/**
 * Runs `count` operations of each side, `concurrency` at a time, in `rounds` alternating blocks
 * (A B C A B C …): a machine that speeds up or slows down during the run (a shared VM does, by
 * ±20%) then weighs on every side alike. Gives each side's total time and CPU.
 */
export async function interleaved(
  sides: Side[],
  count: number,
  concurrency: number,
  rounds: number,
): Promise<{ ms: number; cpu: CpuShares }[]> {
  const totals = sides.map(() => ({ ms: 0, cpu: { api: 0, loadGenerator: 0, postgres: 0 } as CpuShares }));
  const perRound = Math.ceil(count / rounds);
  for (let start = 0; start < count; start += perRound) {
    const size = Math.min(perRound, count - start);
    for (const [i, side] of sides.entries()) {
      const meter = cpuMeter(side.apiPid);
      totals[i].ms += await timed(size, concurrency, (index) => side.task(start + index));
      const cpu = meter.stop();
      const total = totals[i].cpu;
      total.api = total.api === null || cpu.api === null ? null : total.api + cpu.api;
      total.loadGenerator += cpu.loadGenerator;
      total.postgres = total.postgres === null || cpu.postgres === null ? null : total.postgres + cpu.postgres;
    }
  }
  return totals;
}

/** "API process 2.10 ms, load generator 0.40 ms, PostgreSQL 1.20 ms" per operation. */
export function describeCpu(cpu: CpuShares, count: number, server = 'API process'): string {
  const each = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / count).toFixed(2)} ms`);
  return [
    ...(cpu.api === null ? [] : [`${server} ${each(cpu.api)}`]),
    `load generator ${each(cpu.loadGenerator)}`,
    `PostgreSQL ${each(cpu.postgres)}`,
  ].join(', ');
}
