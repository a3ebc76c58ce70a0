import { Client, Pool } from 'pg';
import { isDatabaseUnavailable } from './database-unavailable';
import { ResilientPgClient } from './resilient-pg-client';

/**
 * The crash of a failover, made deterministic: a client checked out of the pool, idle, with no
 * listener of its holder (as between the pool handing it over and TypeORM listening), loses its
 * backend (57P01). pg's plain Client emits 'error' with no listener, which throws out of the
 * socket handler and kills the process; a ResilientPgClient logs it, and its holder's next
 * statement fails as "database unavailable" (a 503).
 */
describe('ResilientPgClient', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 2, Client: ResilientPgClient });
  const killer = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(() => killer.connect());
  afterAll(async () => {
    await killer.end();
    await pool.end();
  });

  it('survives its backend being terminated while it is checked out and idle', async () => {
    const client = await pool.connect();
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    expect(client.listenerCount('error')).toBe(1); // its own; the pool stops listening on checkout
    const ended = new Promise((resolve) => client.once('end', resolve));

    await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    await ended;

    const next: unknown = await client.query('SELECT 1').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(next)).toBe(true);
    client.release(next as Error);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
