import { RedisServer, waitUntil } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { personApplication } from '../support/applications';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';
import { createYearlyPlan } from '../support/plans';

const BURST = 50;
/** The queues' own settings: a relayed job not finished in 60 s is handed over again. */
const HEALED_WITHIN_MS = 120_000;

/**
 * Redis keeps nothing on disk here. Jobs it forgot on a restart come back from the outbox, which
 * stays the record of intent until they finish: every intake and every e-mail, in about a minute.
 */
describe('Redis restarted empty with queued jobs in it', () => {
  const redis = new RedisServer();
  const sharedRedisUrl = process.env.REDIS_URL;
  let stack: Stack;
  let adminToken: string;
  let planId: string;

  beforeAll(async () => {
    await redis.start();
    process.env.REDIS_URL = redis.url;
    stack = await startStack();
    adminToken = (await stack.client.POST('/api/v1/auth/login', { body: ADMIN })).data!.accessToken;
    planId = await createYearlyPlan(authorized(stack, adminToken), {
      code: 'redis-loss',
      name: 'Individual membership',
    });
  });
  afterAll(async () => {
    await stack.stop();
    await redis.stop();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  const submit = async (email: string) => {
    const { value } = personApplication(planId, { firstName: 'Ada', lastName: 'Lovelace', email });
    const response = await fetch(`${stack.baseUrl}/api/v1/applications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: value,
    });
    expect(response.status).toBe(201);
  };

  it('completes every intake of a burst of submissions and delivers every e-mail', async () => {
    const database = stack.api.get(DataSource);
    // A worker that is behind: the jobs wait in Redis.
    await stack.holdIntakes();
    await stack.holdQueue('email');
    const applicants = Array.from({ length: BURST }, () => uniqueEmail('burst'));
    for (let i = 0; i < BURST; i += 10) await Promise.all(applicants.slice(i, i + 10).map(submit));
    expect(
      (await stack.client.POST('/api/v1/auth/forgot-password', { body: { email: ADMIN.email } })).response.status,
    ).toBe(202);
    await waitUntil(
      async () => {
        const [{ pending }] = await database.query(
          `SELECT count(*)::int AS pending FROM outbox_messages WHERE dispatched_at IS NULL`,
        );
        return pending === 0;
      },
      { description: 'every message handed to Redis' },
    );

    await redis.restart(); // empty: the jobs, and the queues' paused state, are gone
    const restarted = Date.now();

    await waitUntil(
      async () => {
        const [{ pending }] = await database.query(
          `SELECT count(*)::int AS pending FROM applications WHERE intake_completed_at IS NULL`,
        );
        return pending === 0;
      },
      { timeoutMs: HEALED_WITHIN_MS, intervalMs: 500, description: 'every intake to complete' },
    );
    await waitUntil(() => applicants.every((to) => stack.sink.messagesTo(to).length > 0), {
      timeoutMs: HEALED_WITHIN_MS - (Date.now() - restarted),
      intervalMs: 500,
      description: 'every confirmation e-mail',
    });
    await stack.sink.waitFor((m) => m.to.includes(ADMIN.email) && /reset/i.test(m.subject), {
      timeoutMs: 10_000,
      description: 'the password reset e-mail',
    });
    console.log(`Redis restarted empty: ${BURST} intakes and their e-mails done after ${Date.now() - restarted} ms`);

    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const to of applicants) expect(stack.sink.messagesTo(to)).toHaveLength(1);
    expect(stack.sink.messagesTo(ADMIN.email).filter((m) => /reset/i.test(m.subject))).toHaveLength(1);
  }, 240_000);
});
