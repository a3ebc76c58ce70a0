import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { QuietWorkerHost, workerOptions } from '@tessera/core';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { ApprovalReminders } from '../approval-reminders.service';
import {
  APPROVAL_QUEUE,
  approvalQueue,
  REMINDER_EVERY_MS,
  REMINDER_SCHEDULER_ID,
  SEND_REMINDERS_JOB,
  type SendRemindersPayload,
} from '../approval.queue';

/** Thin: a `send-reminders` job is one reminder sweep. */
@Processor(APPROVAL_QUEUE, workerOptions())
export class ApprovalRemindersProcessor extends QuietWorkerHost {
  constructor(private readonly reminders: ApprovalReminders) {
    super('Approval worker');
  }

  async process(job: Job<SendRemindersPayload>): Promise<{ reminded: number }> {
    if (job.name !== SEND_REMINDERS_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${APPROVAL_QUEUE}"`);
    return { reminded: await this.reminders.sendReminders() };
  }
}

/**
 * Keeps the hourly reminder schedule in Redis. The scheduler has a fixed id, so every worker start
 * (and every worker) upserts the same one; not awaited at start-up, so a Redis outage does not
 * hold the worker back.
 */
@Injectable()
export class ApprovalReminderSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApprovalReminderSchedule.name);

  constructor(@InjectQueue(APPROVAL_QUEUE) private readonly queue: Queue) {}

  onApplicationBootstrap(): void {
    this.schedule().catch((error: Error) =>
      this.logger.error(`Could not schedule approval reminders: ${error.message}`),
    );
  }

  async schedule(): Promise<void> {
    await this.queue.upsertJobScheduler(
      REMINDER_SCHEDULER_ID,
      { every: REMINDER_EVERY_MS },
      { name: SEND_REMINDERS_JOB, data: {}, opts: approvalQueue.defaultJobOptions },
    );
  }
}
