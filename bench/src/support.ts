import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataSourceOptions } from '@tessera/core';
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
