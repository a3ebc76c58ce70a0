import type { QueueDefinition } from '@tessera/core';

export const EMAIL_QUEUE = 'email';
export const SEND_EMAIL_JOB = 'send';

export interface SendEmailPayload {
  emailId: string;
}

/** 8 attempts, 2 s · 4 s · 8 s … apart (about 4 minutes in all) before an e-mail is marked failed. */
export const emailQueue: QueueDefinition = {
  name: EMAIL_QUEUE,
  defaultJobOptions: {
    attempts: 8,
    backoff: { type: 'exponential', delay: 2000 },
    // The mail log is the record; Redis keeps finished jobs only for a while.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
