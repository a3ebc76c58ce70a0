import type { JobsOptions } from 'bullmq';

/** A domain's queue: its name and the options every job on it gets (retries, backoff). */
export interface QueueDefinition {
  name: string;
  defaultJobOptions: JobsOptions;
}

/** A typed job destined for a queue, as written to the outbox. */
export interface JobMessage<P extends object = object> {
  queue: string;
  name: string;
  payload: P;
}
