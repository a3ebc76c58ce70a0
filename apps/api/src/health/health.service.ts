import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { AppConfig, Clock, OutboxCompletion, redisOptions } from '@tessera/core';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: { database: 'up' | 'down'; redis: 'up' | 'down' };
  /** Background jobs that failed for good in the last day (null while the database is down): watch it. */
  failedJobsLastDay: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService implements OnModuleDestroy {
  readonly version: string = (require('../../package.json') as { version: string }).version;
  private readonly redis: Redis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxCompletion,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.redis = new Redis(
      redisOptions(config.REDIS_URL, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
    );
    this.redis.on('error', () => undefined);
  }

  async check(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(async () => {
        if (this.redis.status === 'wait') await this.redis.connect();
        await this.redis.ping();
      }),
    ]);
    const failedJobsLastDay =
      database === 'up'
        ? await this.outbox.failedSince(new Date(this.clock.now().getTime() - DAY_MS)).catch(() => null)
        : null;
    return {
      status: database === 'up' && redis === 'up' ? 'ok' : 'degraded',
      checks: { database, redis },
      failedJobsLastDay,
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

async function probe(check: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
