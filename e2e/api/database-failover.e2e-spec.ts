import { Client } from 'pg';
import { personApplication } from '../support/applications';
import { ADMIN, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * A failover, injected for real: every backend of the API and the worker is terminated
 * (pg_terminate_backend, 57P01) while requests are in flight. Nothing may crash, a request that
 * could not reach the database is a 503 with Retry-After, a valid session is never a 401, and
 * both processes work again afterwards.
 */
describe('database backends terminated under load', () => {
  let stack: Stack;
  let token: string;
  let planId: string;
  let killer: Client;
  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    token = session.data!.accessToken;
    const plan = await call('POST', '/api/v1/plans', {
      code: 'failover',
      name: 'Failover plan',
      applicantKinds: ['individual'],
      price: { amount: 1000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    });
    planId = ((await plan.json()) as { id: string }).id;
    killer = new Client({ connectionString: process.env.DATABASE_URL });
    await killer.connect();
  });

  afterAll(async () => {
    await killer.end();
    await stack.stop();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  });

  function call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  /** Terminates every other connection to this test file's database: the API's and the worker's. */
  async function terminateBackends(): Promise<number> {
    const { rows } = await killer.query<{ terminated: boolean }>(
      `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.filter((row) => row.terminated).length;
  }

  interface Outcome {
    status: number;
    retryAfter: string | null;
    contentType: string | null;
    body: string;
  }

  /** One request of the mix: reads of two lists and a JSON application (a write through the outbox). */
  async function oneRequest(index: number): Promise<Outcome> {
    const response =
      index % 3 === 0
        ? await call(
            'POST',
            '/api/v1/applications',
            JSON.parse(
              personApplication(planId, { firstName: 'Fail', lastName: 'Over', email: uniqueEmail('failover') })
                .value as string,
            ),
          )
        : await call('GET', index % 3 === 1 ? '/api/v1/users' : '/api/v1/applications');
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      contentType: response.headers.get('content-type'),
      body: await response.text(),
    };
  }

  it('answers only 2xx or 503 with Retry-After, never crashes, and recovers', async () => {
    const outcomes: Outcome[] = [];
    let running = true;
    let sent = 0;
    const clients = Array.from({ length: 16 }, async () => {
      while (running) outcomes.push(await oneRequest((sent += 1)));
    });

    let terminated = 0;
    for (let kill = 0; kill < 4; kill += 1) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      terminated += await terminateBackends();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(clients);

    const byStatus = outcomes.reduce<Record<number, number>>(
      (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );
    console.log(`failover: ${terminated} backends terminated, ${outcomes.length} requests`, byStatus);
    expect(terminated).toBeGreaterThan(0);
    const unexpected = outcomes.filter(({ status }) => status !== 200 && status !== 201 && status !== 503);
    expect(unexpected.map(({ status, body }) => `${status} ${body}`)).toEqual([]);
    for (const unavailable of outcomes.filter(({ status }) => status === 503)) {
      expect(unavailable.retryAfter).toMatch(/^\d+$/);
      expect(unavailable.contentType).toContain('application/problem+json');
    }
    expect(crashes).toEqual([]);

    // Both processes work again: reads, writes, and the worker completes every intake.
    const after = await Promise.all(Array.from({ length: 12 }, (_, index) => oneRequest(index)));
    expect(after.map(({ status }) => status).filter((status) => status >= 300)).toEqual([]);
    await stack.intakesSettled();
    expect(crashes).toEqual([]);
  }, 90_000);
});
