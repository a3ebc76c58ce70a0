import Redis from 'ioredis';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL } from './test-environment';

/** Drops the run's database and Redis keys (once, however many projects name it). */
export default async function globalTeardown(): Promise<void> {
  const runId = process.env.TESSERA_TEST_RUN;
  if (!runId || process.env.TESSERA_TEST_TORN_DOWN) return;
  process.env.TESSERA_TEST_TORN_DOWN = '1';
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  // The run's database and every per-file copy of it (see isolate-test-file.ts).
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $1 || '\\_%'`,
    [`tessera_test_${runId}`],
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  await admin.end();

  const redis = new Redis(process.env.REDIS_URL as string);
  const stream = redis.scanStream({ match: `${process.env.QUEUE_PREFIX}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
