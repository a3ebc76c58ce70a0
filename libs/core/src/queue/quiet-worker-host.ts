import { Logger } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { WorkerOptions } from 'bullmq';

/**
 * Options for `@Processor`: after losing Redis a worker waits `runRetryDelay` before it asks for
 * jobs again — BullMQ's 15 s would hold e-mails back that long after every Redis blip.
 */
export function workerOptions(options: Partial<WorkerOptions> = {}): Partial<WorkerOptions> {
  return { runRetryDelay: 2_000, ...options };
}

/**
 * A BullMQ processor that reports connection trouble (Redis down) once, not on every
 * reconnection attempt, and says when it is connected again. `name` is the worker's, for the log.
 */
export abstract class QuietWorkerHost extends WorkerHost {
  private readonly logger: Logger;
  private lastError = '';

  protected constructor(private readonly name: string) {
    super();
    this.logger = new Logger(name);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.logger.warn(`${this.name}: ${error.message}`);
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    if (this.lastError) this.logger.log(`${this.name} connected`);
    this.lastError = '';
  }
}
