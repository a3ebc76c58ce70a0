import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ADMIN_DATABASE_URL } from './test-environment';

/**
 * Gives every integration and e2e test file its own database (a copy of the run's migrated
 * database) and its own Redis key prefix, so files running in parallel never see each other's
 * outbox rows, jobs or e-mails.
 */
// Real servers, browsers and workers: a busy machine (CI beside other work) can take a while; a
// hang still fails.
jest.setTimeout(60_000);

const runDatabaseUrl = process.env.DATABASE_URL as string;
const runQueuePrefix = process.env.QUEUE_PREFIX as string;

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const template = new URL(runDatabaseUrl).pathname.slice(1);
  const suffix = randomBytes(4).toString('hex');
  const database = `${template}_${suffix}`;
  await admin((client) => client.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`));
  process.env.DATABASE_URL = runDatabaseUrl.replace(/\/[^/]*$/, `/${database}`);
  process.env.QUEUE_PREFIX = `${runQueuePrefix}-${suffix}`;
});

// The copies are dropped by the global teardown, after every file's own afterAll has closed its
// connections (hooks of a setup file would run before the test file's).
afterAll(() => {
  process.env.DATABASE_URL = runDatabaseUrl;
  process.env.QUEUE_PREFIX = runQueuePrefix;
});
