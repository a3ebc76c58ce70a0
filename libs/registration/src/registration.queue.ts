import type { QueueDefinition } from '@tessera/core';

export const REGISTRATION_QUEUE = 'registration';
/** What follows a submission: the applicant's confirmation and the approval request. */
export const COMPLETE_INTAKE_JOB = 'complete-intake';

export interface CompleteIntakePayload {
  applicationId: string;
}

/**
 * Retried 2 s · 4 s · 8 s … apart, 16 attempts over ~18 h, so a database outage of hours does not
 * leave an application without its intake; the intake run twice acts once (see ApplicationIntakeService).
 */
export const registrationQueue: QueueDefinition = {
  name: REGISTRATION_QUEUE,
  defaultJobOptions: {
    attempts: 16,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
