import { Logger } from '@nestjs/common';
import { OnWorkerEvent } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { OutboxCompletion } from '../outbox/outbox-completion';
import { QuietWorkerHost } from './quiet-worker-host';

/**
 * A processor of jobs relayed from the outbox: once `handle` has done a job's work, or the job has
 * failed for good, it marks the outbox message finished, and the relay stops handing it over
 * again. Not in the work's transaction, so a crash in between makes the job run once more:
 * `handle` must be idempotent (at-least-once, as every job here already is).
 */
export abstract class OutboxWorkerHost<Data = unknown, Result = unknown> extends QuietWorkerHost {
  private readonly completionLogger: Logger;

  protected constructor(
    name: string,
    private readonly completion: OutboxCompletion,
  ) {
    super(name);
    this.completionLogger = new Logger(name);
  }

  protected abstract handle(job: Job<Data>, token?: string): Promise<Result>;

  async process(job: Job<Data>, token?: string): Promise<Result> {
    const result = await this.handle(job, token);
    await this.completion.finished(job.id);
    return result;
  }

  /** Called once a job has failed for good, after its outbox message is marked failed: tell its owner. */
  protected failedForGood(_job: Job<Data>, _reason: string): Promise<void> {
    return Promise.resolve();
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job<Data> | undefined): void {
    // BullMQ sets finishedOn only when no retry follows (last attempt, or unrecoverable).
    if (!job?.finishedOn) return;
    const reason = job.failedReason || 'unknown error';
    this.completion
      .failed(job.id, reason)
      .then(() => this.failedForGood(job, reason))
      .catch((markError: Error) =>
        this.completionLogger.warn(`Job ${job.id} failed for good, but was not marked failed: ${markError.message}`),
      );
  }
}
