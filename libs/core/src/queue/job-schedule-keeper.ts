import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';

/** A recurring job: a BullMQ job scheduler with a fixed id, so upserting it never adds a second. */
export interface JobSchedule {
  id: string;
  every: number;
  jobName: string;
  data?: object;
  opts?: JobsOptions;
}

/** How often a keeper checks its schedulers are still in Redis. */
export const JOB_SCHEDULE_CHECK_MS = Symbol('JOB_SCHEDULE_CHECK_MS');
export const DEFAULT_JOB_SCHEDULE_CHECK_MS = 30_000;

/**
 * Keeps a queue's job schedulers in Redis: upserts each one that is missing at start and every
 * `checkEveryMs` after, since Redis here keeps nothing on disk and a restart forgets them. Never
 * awaited at start-up, so a Redis outage does not hold the worker back.
 */
export abstract class JobScheduleKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private lastError = '';
  private checking = false;
  // A property, so the subclasses' constructors need not pass it on.
  @Inject(AppConfig) private readonly config!: AppConfig;

  protected constructor(
    private readonly queue: Queue,
    private readonly schedules: JobSchedule[],
    private readonly checkEveryMs = DEFAULT_JOB_SCHEDULE_CHECK_MS,
  ) {
    this.logger = new Logger(new.target.name);
    // Connection errors while Redis is away: reported once (BullMQ prints each one otherwise).
    queue.on('error', (error: Error) => this.report(error));
  }

  private report(error: Error): void {
    if (error.message !== this.lastError) this.logger.warn(`Could not check job schedulers: ${error.message}`);
    this.lastError = error.message;
  }

  onApplicationBootstrap(): void {
    if (!this.config.SCHEDULED_JOBS) return;
    const check = () => {
      if (this.checking) return; // commands wait while Redis is away: one check at a time
      this.checking = true;
      this.ensure()
        .then(() => (this.lastError = ''))
        .catch((error: Error) => this.report(error))
        .finally(() => (this.checking = false));
    };
    check();
    this.timer = setInterval(check, this.checkEveryMs);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Upserts the schedulers missing from Redis; returns their ids. */
  async ensure(): Promise<string[]> {
    const restored: string[] = [];
    for (const schedule of this.schedules) {
      if (await this.queue.getJobScheduler(schedule.id)) continue;
      await this.queue.upsertJobScheduler(
        schedule.id,
        { every: schedule.every },
        { name: schedule.jobName, data: schedule.data ?? {}, opts: schedule.opts },
      );
      restored.push(schedule.id);
    }
    if (restored.length > 0) this.logger.log(`Job schedulers put in place: ${restored.join(', ')}`);
    return restored;
  }
}
