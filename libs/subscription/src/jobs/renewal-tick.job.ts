import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { JOB_SCHEDULE_CHECK_MS, JobScheduleKeeper, QuietWorkerHost, workerOptions } from '@tessera/core';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { RenewalScheduleService } from '../renewals/renewal-schedule.service';
import {
  RENEWAL_SCHEDULE_QUEUE,
  RENEWAL_TICK_EVERY_MS,
  RENEWAL_TICK_JOB,
  RENEWAL_TICK_SCHEDULER_ID,
} from '../renewals/renewals.queue';

/** Thin: a `renewal-tick` starts the day's renewal run when its time has come. */
@Processor(RENEWAL_SCHEDULE_QUEUE, workerOptions())
export class RenewalTickProcessor extends QuietWorkerHost {
  constructor(private readonly schedule: RenewalScheduleService) {
    super('Renewal schedule');
  }

  async process(job: Job): Promise<{ started: string | null }> {
    if (job.name !== RENEWAL_TICK_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${RENEWAL_SCHEDULE_QUEUE}"`);
    return { started: await this.schedule.tick() };
  }
}

/** Keeps the renewal tick's scheduler in Redis. */
@Injectable()
export class RenewalTickSchedule extends JobScheduleKeeper {
  constructor(
    @InjectQueue(RENEWAL_SCHEDULE_QUEUE) queue: Queue,
    @Optional() @Inject(JOB_SCHEDULE_CHECK_MS) checkEveryMs?: number,
  ) {
    super(
      queue,
      [
        {
          id: RENEWAL_TICK_SCHEDULER_ID,
          every: RENEWAL_TICK_EVERY_MS,
          jobName: RENEWAL_TICK_JOB,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      ],
      checkEveryMs,
    );
  }
}
