import type { QueueDefinition } from '@tessera/core';

export const STATUS_SWEEPS_QUEUE = 'status-sweeps';
/** One status sweep (its row in status_sweeps says as of when). */
export const RUN_STATUS_SWEEP_JOB = 'run-status-sweep';

export interface RunStatusSweepPayload {
  sweepId: string;
}

/** A sweep that fails (the database away) is retried; run again it moves only who is left. */
export const statusSweepsQueue: QueueDefinition = {
  name: STATUS_SWEEPS_QUEUE,
  defaultJobOptions: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 5000 },
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  },
};

/** Every few minutes: records the day's sweep once the organisation's sweep time has come. */
export const STATUS_SWEEP_SCHEDULE_QUEUE = 'status-sweep-schedule';
export const STATUS_SWEEP_TICK_JOB = 'status-sweep-tick';
export const STATUS_SWEEP_TICK_SCHEDULER_ID = 'status-sweep-tick';
export const STATUS_SWEEP_TICK_EVERY_MS = 5 * 60_000;
