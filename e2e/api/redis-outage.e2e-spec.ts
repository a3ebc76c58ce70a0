import { RedisServer } from '@tessera/testing';
import { ADMIN, startStack, type Stack } from '../support/stack';

/** E-mail goes through the outbox, so a Redis outage delays it but loses nothing. */
describe('password reset while Redis is down', () => {
  const redis = new RedisServer();
  const sharedRedisUrl = process.env.REDIS_URL;
  let stack: Stack;

  beforeAll(async () => {
    await redis.start();
    process.env.REDIS_URL = redis.url;
    stack = await startStack();
  });
  afterAll(async () => {
    await stack.stop();
    await redis.stop();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('answers 202 at once and delivers the e-mail when Redis is back', async () => {
    await redis.stop();
    const health = await fetch(`${stack.baseUrl}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', checks: { database: 'up', redis: 'down' } });

    const started = Date.now();
    const answer = await stack.client.POST('/api/v1/auth/forgot-password', { body: { email: ADMIN.email } });
    expect(answer.response.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(2000);

    // Nothing can go out while Redis is down…
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stack.sink.messagesTo(ADMIN.email)).toHaveLength(0);

    // …and once it is back, the relay and the worker deliver it, once. Usually within seconds; a
    // hand-over lost while the worker reconnects under load heals when the outbox relays the
    // message again (the e-mail queue's redeliverAfterMs, one minute): allow two such rounds, as
    // the worker now reconnects more queues (billing, renewals) and CI runs many suites at once.
    await redis.start();
    const delivered = await stack.sink.waitFor((m) => m.to.includes(ADMIN.email), { timeoutMs: 150_000 });
    expect(delivered.subject).toMatch(/reset/i);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stack.sink.messagesTo(ADMIN.email)).toHaveLength(1);
  }, 180_000);
});
