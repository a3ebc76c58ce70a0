import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JOB_SCHEDULE_CHECK_MS, JobScheduleKeeper, QuietWorkerHost, workerOptions } from '@tessera/core';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { ApprovalRemindersService } from '../approval-reminders.service';
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
  constructor(private readonly reminders: ApprovalRemindersService) {
    super('Approval worker');
  }

  async process(job: Job<SendRemindersPayload>): Promise<{ reminded: number }> {
    if (job.name !== SEND_REMINDERS_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${APPROVAL_QUEUE}"`);
    return { reminded: await this.reminders.sendReminders() };
  }
}

/** Keeps the hourly reminder scheduler in Redis (put back within a minute if Redis forgot it). */
@Injectable()
export class ApprovalReminderSchedule extends JobScheduleKeeper {
  constructor(
    @InjectQueue(APPROVAL_QUEUE) queue: Queue,
    @Optional() @Inject(JOB_SCHEDULE_CHECK_MS) checkEveryMs?: number,
  ) {
    super(
      queue,
      [
        {
          id: REMINDER_SCHEDULER_ID,
          every: REMINDER_EVERY_MS,
          jobName: SEND_REMINDERS_JOB,
          opts: approvalQueue.defaultJobOptions,
        },
      ],
      checkEveryMs,
    );
  }
}
