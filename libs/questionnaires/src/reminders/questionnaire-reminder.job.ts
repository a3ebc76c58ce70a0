import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JOB_SCHEDULE_CHECK_MS, JobScheduleKeeper, QuietWorkerHost, workerOptions } from '@tessera/core';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import {
  QUESTIONNAIRE_REMINDER_SCHEDULER_ID,
  QUESTIONNAIRE_REMINDER_TICK_EVERY_MS,
  QUESTIONNAIRE_REMINDER_TICK_JOB,
  QUESTIONNAIRE_REMINDERS_QUEUE,
} from './questionnaire-reminders.queue';
import { QuestionnaireRemindersService } from './questionnaire-reminders.service';

/** Thin: a tick sends the day's reminders when their time has come (again a no-op that day). */
@Processor(QUESTIONNAIRE_REMINDERS_QUEUE, workerOptions())
export class QuestionnaireReminderTickProcessor extends QuietWorkerHost {
  constructor(private readonly reminders: QuestionnaireRemindersService) {
    super('Questionnaire reminders');
  }

  async process(job: Job): Promise<{ reminded: number | null }> {
    if (job.name !== QUESTIONNAIRE_REMINDER_TICK_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${QUESTIONNAIRE_REMINDERS_QUEUE}"`);
    return { reminded: await this.reminders.tick() };
  }
}

/** Keeps the reminder tick's scheduler in Redis (none when SCHEDULED_JOBS=false). */
@Injectable()
export class QuestionnaireReminderSchedule extends JobScheduleKeeper {
  constructor(
    @InjectQueue(QUESTIONNAIRE_REMINDERS_QUEUE) queue: Queue,
    @Optional() @Inject(JOB_SCHEDULE_CHECK_MS) checkEveryMs?: number,
  ) {
    super(
      queue,
      [
        {
          id: QUESTIONNAIRE_REMINDER_SCHEDULER_ID,
          every: QUESTIONNAIRE_REMINDER_TICK_EVERY_MS,
          jobName: QUESTIONNAIRE_REMINDER_TICK_JOB,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      ],
      checkEveryMs,
    );
  }
}
