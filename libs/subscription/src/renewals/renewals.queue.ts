import type { QueueDefinition } from '@tessera/core';

export const RENEWALS_QUEUE = 'renewals';
/** One renewal run (its row in renewal_runs says as of when). */
export const RUN_RENEWALS_JOB = 'run-renewals';
/** Every few minutes: starts the day's run once the organisation's renewal time has come. */
export const RENEWAL_TICK_JOB = 'renewal-tick';
export const RENEWAL_TICK_SCHEDULER_ID = 'renewal-tick';
export const RENEWAL_TICK_EVERY_MS = 5 * 60_000;

export interface RunRenewalsPayload {
  runId: string;
}

/** A run that fails (the database away) is retried and carries on where it stopped. */
export const renewalsQueue: QueueDefinition = {
  name: RENEWALS_QUEUE,
  defaultJobOptions: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};

export const RENEWAL_SCHEDULE_QUEUE = 'renewal-schedule';
