import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ADMIN_DATABASE_URL = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The environment every integration and e2e test process starts from (one fresh database per run). */
export function testEnvironment(runId: string): Record<string, string> {
  const database = `tessera_test_${runId}`;
  return {
    NODE_ENV: 'test',
    TESSERA_TEST_RUN: runId,
    DATABASE_URL: ADMIN_DATABASE_URL.replace(/\/[^/]*$/, `/${database}`),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    // Each test starts its own SMTP sink and points SMTP_URL at it; this one refuses connections.
    SMTP_URL: 'smtp://127.0.0.1:9',
    MAIL_FROM: 'Tessera <no-reply@tessera.test>',
    PUBLIC_URL: 'http://tessera.test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: mkdtempSync(join(tmpdir(), `tessera-${runId}-`)),
    QUEUE_PREFIX: `test-${runId}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
  };
}

export function newRunId(): string {
  return `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
