import type { JobsOptions } from 'bullmq';

/** A domain's queue: its name and the options every job on it gets (retries, backoff). */
export interface QueueDefinition {
  name: string;
  defaultJobOptions: JobsOptions;
  /**
   * How long a relayed message may go unfinished before the relay hands it over again (60 s by
   * default). Harmless while its job still exists (same job id), it brings back a job Redis lost.
   */
  redeliverAfterMs?: number;
}

export const DEFAULT_REDELIVER_AFTER_MS = 60_000;

/** A typed job destined for a queue, as written to the outbox. */
export interface JobMessage<P extends object = object> {
  queue: string;
  name: string;
  payload: P;
}
