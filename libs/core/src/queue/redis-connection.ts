import type { RedisOptions } from 'ioredis';

/** ioredis options from REDIS_URL. Workers need maxRetriesPerRequest: null (BullMQ's rule). */
export function redisOptions(redisUrl: string, overrides: RedisOptions = {}): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Back within ~2 s of Redis returning: BullMQ's default backs off exponentially up to 20 s,
    // so after an outage of some seconds e-mails and jobs waited that long for a reconnection.
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 2_000),
    ...overrides,
  };
}
