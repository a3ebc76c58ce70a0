import type { QueueDefinition } from '@tessera/core';

export const EMAIL_QUEUE = 'email';
export const SEND_EMAIL_JOB = 'send';

export interface SendEmailPayload {
  emailId: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The wait after each failed delivery attempt, as mail servers retry: quickly at first, then
 * backing off to hours, for more than a day (27 h 48 min 10 s over 15 attempts) before an e-mail
 * is marked failed. Tests give MailDeliveryService a shorter one (EmailRetrySchedule).
 */
export const EMAIL_RETRY_DELAYS_MS: readonly number[] = [
  10_000,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  ...Array<number>(6).fill(4 * HOUR),
];

/** BullMQ backoff type: the delay the failed attempt chose, else `delay` (see `retryDelayOf`). */
export const EMAIL_BACKOFF = 'email-retry-schedule';

/** One attempt more than delays; the job is retried after the delay its failed attempt carries. */
export const emailQueue: QueueDefinition = {
  name: EMAIL_QUEUE,
  defaultJobOptions: {
    attempts: EMAIL_RETRY_DELAYS_MS.length + 1,
    backoff: { type: EMAIL_BACKOFF, delay: 30_000 },
    // The mail log is the record; Redis keeps finished jobs only for a while.
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  redeliverAfterMs: MINUTE,
};
