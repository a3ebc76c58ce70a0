import type { QueueDefinition } from '@tessera/core';

export const APPROVAL_QUEUE = 'approval';
export const SEND_REMINDERS_JOB = 'send-reminders';
/** The scheduler's fixed id: upserting it again (when Redis forgot it) never adds a second schedule. */
export const REMINDER_SCHEDULER_ID = 'approval-reminders';
export const REMINDER_EVERY_MS = 60 * 60 * 1000;

export type SendRemindersPayload = Record<string, never>;

/** Reminder sweeps: hourly, a few retries; a sweep run twice sends nothing twice (see ApprovalRemindersService). */
export const approvalQueue: QueueDefinition = {
  name: APPROVAL_QUEUE,
  defaultJobOptions: {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
