import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';

/**
 * Overload must not sign people out: when no database connection frees up in time, the session
 * check cannot run, and that is a 503 with Retry-After — never the 401 "session ended" that made
 * the SPA drop a valid session.
 */
describe('database connection pool exhausted', () => {
  let app: ApiWith;
  let pool: Pool;
  let token: string;

  beforeAll(async () => {
    app = await startApiWith([]);
    pool = (app.api.get(DataSource).driver as PostgresDriver).master as Pool;
    const session = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    token = ((await session.json()) as { accessToken: string }).accessToken;
  });
  afterAll(() => app.stop());

  const listUsers = () => fetch(`${app.baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
  const signIn = () =>
    fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });

  async function expectUnavailable(response: Response) {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, type: 'urn:tessera:problem:service-unavailable' });
  }

  it('answers 503 with Retry-After to a valid session (and a valid sign-in), then 200 once connections free up', async () => {
    const held: PoolClient[] = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
    try {
      const [session, signingIn] = await Promise.all([listUsers(), signIn()]);
      await expectUnavailable(session);
      await expectUnavailable(signingIn);
    } finally {
      held.forEach((client) => client.release());
    }
    expect((await listUsers()).status).toBe(200);
  }, 30_000);
});
