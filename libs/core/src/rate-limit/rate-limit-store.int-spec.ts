import { createHash, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '../config/app-config';
import { redisOptions } from '../queue/redis-connection';
import { RateLimitStore, RateLimitStoreUnavailable } from './rate-limit-store';

describe('RateLimitStore (Redis)', () => {
  const config = loadConfig();
  // Two stores on one Redis, as two API processes are.
  const first = new RateLimitStore(config);
  const second = new RateLimitStore(config);
  const redis = new Redis(redisOptions(config.REDIS_URL));
  afterAll(async () => {
    await first.onModuleDestroy();
    await second.onModuleDestroy();
    redis.disconnect();
  });

  const keyOf = (subject: string) =>
    `${config.QUEUE_PREFIX}:rate-limit:${createHash('sha256').update(subject).digest('base64url')}`;
  const bucket = (windowMs = 60_000) => ({ subject: `test:${randomUUID()}`, windowMs });

  it('counts concurrent hits from two processes exactly once each', async () => {
    const counted = bucket();
    const counts = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? first : second).hit([counted]).then(([c]) => c.count)),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('starts the window at the first hit and keeps it (no key without an expiry)', async () => {
    const counted = bucket(5_000);
    const [firstHit] = await first.hit([counted]);
    expect(firstHit.resetInMs).toBeGreaterThan(4_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const [later] = await second.hit([counted]);
    expect(later).toMatchObject({ count: 2 });
    expect(later.resetInMs).toBeLessThan(firstHit.resetInMs);
    const keys = await redis.keys(`${config.QUEUE_PREFIX}:rate-limit:*`);
    const ttls = await Promise.all(keys.map((key) => redis.pttl(key)));
    expect(ttls.every((ttl) => ttl > 0)).toBe(true);
    // The subject is hashed: no e-mail or address in a key.
    expect(keys.some((key) => key.includes('test:'))).toBe(false);
  });

  it('gives back a hit, never below zero, and counts several buckets in one call', async () => {
    const [a, b] = [bucket(), bucket()];
    await first.hit([a, b]);
    await first.hit([a]);
    await second.refund([a.subject, b.subject]);
    await second.refund([b.subject]);
    // Keys given back to zero are gone (a flood of refused attempts leaves no keys behind).
    expect(await redis.exists(keyOf(b.subject))).toBe(0);
    expect(await redis.exists(keyOf(a.subject))).toBe(1);
    expect(await first.hit([a, b])).toEqual([
      expect.objectContaining({ count: 2 }),
      expect.objectContaining({ count: 1 }),
    ]);
  });

  it('reports Redis being unreachable as RateLimitStoreUnavailable, at once', async () => {
    const unreachable = new RateLimitStore(loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:9' }));
    const started = Date.now();
    await expect(unreachable.hit([bucket()])).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
    expect(Date.now() - started).toBeLessThan(1_000);
    await unreachable.onModuleDestroy();
  });
});
