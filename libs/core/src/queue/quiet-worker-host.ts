import { Logger } from '@nestjs/common';
import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';

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
