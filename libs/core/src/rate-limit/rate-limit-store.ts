import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../queue/redis-connection';

/** One counter: every hit in a fixed window of `windowMs`, started by its first hit. */
export interface Bucket {
  /** What is counted, e.g. `login:client:203.0.113.9` (hashed before it becomes a Redis key). */
  subject: string;
  windowMs: number;
}

export interface BucketCount {
  count: number;
  /** Until the window ends and the count starts over. */
  resetInMs: number;
}

/** Redis could not count (down, or slower than COMMAND_TIMEOUT_MS). */
export class RateLimitStoreUnavailable extends Error {}

/**
 * INCR then PEXPIRE on the first hit, atomically (a script runs alone): two API processes sharing
 * Redis see one count, and no key is ever left without its expiry.
 */
const HIT = `
local result = {}
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    redis.call('PEXPIRE', key, ARGV[i])
    ttl = tonumber(ARGV[i])
  end
  result[2 * i - 1] = count
  result[2 * i] = ttl
end
return result`;

/** Gives back one hit per key, where the window is still open; a key back at zero goes. */
const REFUND = `
for _, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key))
  if count and count > 1 then redis.call('DECR', key) elseif count then redis.call('DEL', key) end
end
return 0`;

/** A request waits at most this long for Redis before the store counts as unavailable. */
const COMMAND_TIMEOUT_MS = 500;
/** How long the first requests wait for the connection a starting process is still opening. */
const FIRST_CONNECT_WAIT_MS = COMMAND_TIMEOUT_MS;

type Counting = Redis & {
  rateLimitHit(keyCount: number, ...keysThenWindows: (string | number)[]): Promise<number[]>;
  rateLimitRefund(keyCount: number, ...keys: string[]): Promise<number>;
};

/** Rate-limit counters in Redis, shared by every API process (keys under QUEUE_PREFIX). */
@Injectable()
export class RateLimitStore implements OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStore.name);
  private readonly redis: Counting;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    // Fail fast while Redis is away rather than queue requests behind a reconnection.
    this.redis = new Redis(
      redisOptions(config.REDIS_URL, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: COMMAND_TIMEOUT_MS,
        lazyConnect: false,
      }),
    ) as Counting;
    this.redis.on('error', () => undefined); // reported per request, as RateLimitStoreUnavailable
    this.redis.defineCommand('rateLimitHit', { lua: HIT });
    this.redis.defineCommand('rateLimitRefund', { lua: REFUND });
    this.prefix = `${config.QUEUE_PREFIX}:rate-limit:`;
  }

  /** Counts one hit in each bucket, in one round trip. */
  async hit(buckets: readonly Bucket[]): Promise<BucketCount[]> {
    const keys = buckets.map((bucket) => this.key(bucket.subject));
    const flat = await this.call(() =>
      this.redis.rateLimitHit(buckets.length, ...keys, ...buckets.map((bucket) => bucket.windowMs)),
    );
    return buckets.map((_, i) => ({ count: flat[2 * i], resetInMs: flat[2 * i + 1] }));
  }

  /** Takes back one hit from each bucket (an attempt that turned out not to count). */
  async refund(subjects: readonly string[]): Promise<void> {
    await this.call(() => this.redis.rateLimitRefund(subjects.length, ...subjects.map((s) => this.key(s))));
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }

  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      await this.connected();
      return await command();
    } catch (error) {
      this.logger.warn(`Rate-limit counters unavailable: ${(error as Error).message}`);
      throw new RateLimitStoreUnavailable((error as Error).message);
    }
  }

  /**
   * A process that has just started may still be opening its connection: its first requests wait
   * for it (briefly) rather than fail. Once Redis has been lost, requests fail fast (no offline queue).
   */
  private connected(): Promise<void> {
    if (!['wait', 'connecting', 'connect'].includes(this.redis.status)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const timer = setTimeout(() => done(new Error('Redis is not connected yet')), FIRST_CONNECT_WAIT_MS);
      this.redis.once('ready', onReady);
    });
  }

  /** E-mail addresses and IPs stay out of Redis: the key is a hash of what is counted. */
  private key(subject: string): string {
    return this.prefix + createHash('sha256').update(subject).digest('base64url');
  }
}
