import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DEFAULT_REDELIVER_AFTER_MS, type QueueDefinition } from '../queue/queue-definition';
import { redisOptions } from '../queue/redis-connection';

export const RELAY_QUEUES = Symbol('RELAY_QUEUES');
const BATCH_SIZE = 200;
/** Short, so a message waits ~50 ms on average; one indexed query per poll when idle. */
const POLL_INTERVAL_MS = 100;
/** While Redis or the database is failing, try less often. */
const RETRY_INTERVAL_MS = 1000;
/**
 * How long one batch may wait for Redis. Seen here: an `addBulk` sent while Redis was down hung
 * for ~30 s after it came back, holding the batch's row locks and the relay with it. Giving up
 * and retrying is safe: the rows stay pending, and a job id is its outbox id, so a late `addBulk`
 * and the retry still make one job.
 */
const REDIS_ANSWER_TIMEOUT_MS = 3000;

interface PendingRow {
  id: string;
  queue: string;
  job_name: string;
  payload: object;
}

/**
 * Moves committed outbox rows into their BullMQ queues (job id = outbox id, so a row relayed
 * twice is still one job). Polls (writers send no NOTIFY: see OutboxService), draining while there
 * are rows, so rows written while Redis was down go out as soon as it is back. A row whose job has
 * not finished (`completed_at`, set by OutboxWorkerHost) within its queue's `redeliverAfterMs` is
 * relayed again: a no-op while the job exists, and the job again if Redis lost it.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private readonly redeliverAfterMs: number[];
  private readonly shortestRedeliverMs: number;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private running?: Promise<number>;
  private wakeAgain = false;
  private lastFailure = '';

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    @Inject(RELAY_QUEUES) definitions: QueueDefinition[],
  ) {
    for (const definition of definitions) {
      const queue = new Queue(definition.name, {
        // Fail fast while Redis is down: the rows stay in the outbox and are retried.
        connection: redisOptions(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }),
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: definition.defaultJobOptions,
      });
      queue.on('error', () => undefined);
      this.queues.set(definition.name, queue);
    }
    this.redeliverAfterMs = definitions.map((definition) => definition.redeliverAfterMs ?? DEFAULT_REDELIVER_AFTER_MS);
    this.shortestRedeliverMs = Math.min(DEFAULT_REDELIVER_AFTER_MS, ...this.redeliverAfterMs);
  }

  onApplicationBootstrap(): void {
    void this.poll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    // Closing politely needs Redis; while it is down, just drop the connection.
    await Promise.all([...this.queues.values()].map((queue) => queue.close().catch(() => queue.disconnect())));
  }

  private async poll(): Promise<void> {
    await this.wake();
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), this.lastFailure ? RETRY_INTERVAL_MS : POLL_INTERVAL_MS);
  }

  /** Relays everything pending; concurrent calls coalesce into one more pass. Returns rows moved. */
  wake(): Promise<number> {
    if (this.running) {
      this.wakeAgain = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.running;
  }

  private async drain(): Promise<number> {
    let moved = 0;
    try {
      for (let batch = await this.relayBatch(); batch > 0; batch = await this.relayBatch()) moved += batch;
      if (this.lastFailure) this.logger.log('Outbox relay recovered');
      this.lastFailure = '';
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.lastFailure) this.logger.warn(`Outbox relay paused: ${message}`);
      this.lastFailure = message;
    }
    return moved;
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Never relayed, or relayed and unfinished for longer than its queue allows. The first test
      // on dispatched_at (the shortest time of all queues) is what outbox_messages_open_idx serves.
      const rows: PendingRow[] = await manager.query(
        `SELECT m.id, m.queue, m.job_name, m.payload
           FROM outbox_messages m JOIN unnest($1::text[], $2::int[]) AS q(name, after_ms) ON q.name = m.queue
          WHERE m.completed_at IS NULL
            AND (m.dispatched_at IS NULL OR m.dispatched_at < now() - make_interval(secs => $3::int / 1000.0))
            AND (m.dispatched_at IS NULL OR m.dispatched_at < now() - make_interval(secs => q.after_ms / 1000.0))
          ORDER BY m.created_at LIMIT $4 FOR UPDATE OF m SKIP LOCKED`,
        [[...this.queues.keys()], this.redeliverAfterMs, this.shortestRedeliverMs, BATCH_SIZE],
      );
      if (rows.length === 0) return 0;
      for (const [name, queue] of this.queues) {
        const jobs = rows
          .filter((row) => row.queue === name)
          .map((row) => ({ name: row.job_name, data: row.payload, opts: { jobId: row.id } }));
        if (jobs.length > 0) await withinTimeout(queue.addBulk(jobs), REDIS_ANSWER_TIMEOUT_MS);
      }
      await manager.query(
        `UPDATE outbox_messages SET dispatched_at = now(), relay_attempts = relay_attempts + 1 WHERE id = ANY($1)`,
        [rows.map((row) => row.id)],
      );
      return rows.length;
    });
  }
}

function withinTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
