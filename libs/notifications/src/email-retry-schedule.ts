import type { MinimalJob } from 'bullmq';
import { EMAIL_RETRY_DELAYS_MS } from './notifications.queue';

/** When a failed delivery attempt is tried again. A provider, so tests can run it faster. */
export class EmailRetrySchedule {
  constructor(readonly delaysMs: readonly number[] = EMAIL_RETRY_DELAYS_MS) {}

  /** The wait after failed attempt `attempt` (1 for the first), or null when it was the last. */
  delayAfter(attempt: number): number | null {
    return this.delaysMs[attempt - 1] ?? null;
  }
}

/** A delivery attempt failed and is tried again after `retryInMs` (the email queue's backoff). */
export class EmailDeferredError extends Error {
  constructor(
    message: string,
    readonly retryInMs: number,
  ) {
    super(message);
    this.name = 'EmailDeferredError';
  }
}

/**
 * The email worker's BullMQ backoff strategy: the delay the failed attempt chose, else (another
 * worker holds the e-mail, the database failed) the queue's `backoff.delay`.
 */
export function retryDelayOf(_attemptsMade: number, _type?: string, error?: Error, job?: MinimalJob): number {
  if (error instanceof EmailDeferredError) return error.retryInMs;
  const backoff = job?.opts.backoff;
  return (typeof backoff === 'object' ? backoff.delay : undefined) ?? 30_000;
}
