import { InjectQueue, Processor } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  JOB_SCHEDULE_CHECK_MS,
  JobScheduleKeeper,
  OutboxCompletion,
  OutboxWorkerHost,
  QuietWorkerHost,
  workerOptions,
} from '@tessera/core';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { StatusScheduleService } from '../statuses/status-schedule.service';
import { StatusSweepsService } from '../statuses/status-sweeps.service';
import {
  RUN_STATUS_SWEEP_JOB,
  STATUS_SWEEP_SCHEDULE_QUEUE,
  STATUS_SWEEP_TICK_EVERY_MS,
  STATUS_SWEEP_TICK_JOB,
  STATUS_SWEEP_TICK_SCHEDULER_ID,
  STATUS_SWEEPS_QUEUE,
  type RunStatusSweepPayload,
} from '../statuses/status-sweeps.queue';

/** Thin: a `run-status-sweep` job is one sweep. */
@Processor(STATUS_SWEEPS_QUEUE, workerOptions({ concurrency: 1 }))
export class RunStatusSweepProcessor extends OutboxWorkerHost<
  RunStatusSweepPayload,
  { examined: number; changed: number }
> {
  constructor(
    private readonly sweeps: StatusSweepsService,
    completion: OutboxCompletion,
  ) {
    super('Status sweep worker', completion);
  }

  protected async handle(job: Job<RunStatusSweepPayload>): Promise<{ examined: number; changed: number }> {
    if (job.name !== RUN_STATUS_SWEEP_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${STATUS_SWEEPS_QUEUE}"`);
    const sweep = await this.sweeps.execute(job.data.sweepId);
    return { examined: sweep.examined, changed: sweep.changed };
  }
}

/** Thin: a `status-sweep-tick` starts the day's sweep when its time has come. */
@Processor(STATUS_SWEEP_SCHEDULE_QUEUE, workerOptions())
export class StatusSweepTickProcessor extends QuietWorkerHost {
  constructor(private readonly schedule: StatusScheduleService) {
    super('Status sweep schedule');
  }

  async process(job: Job): Promise<{ started: string | null }> {
    if (job.name !== STATUS_SWEEP_TICK_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${STATUS_SWEEP_SCHEDULE_QUEUE}"`);
    return { started: await this.schedule.tick() };
  }
}

/** Keeps the status sweep tick's scheduler in Redis. */
@Injectable()
export class StatusSweepTickSchedule extends JobScheduleKeeper {
  constructor(
    @InjectQueue(STATUS_SWEEP_SCHEDULE_QUEUE) queue: Queue,
    @Optional() @Inject(JOB_SCHEDULE_CHECK_MS) checkEveryMs?: number,
  ) {
    super(
      queue,
      [
        {
          id: STATUS_SWEEP_TICK_SCHEDULER_ID,
          every: STATUS_SWEEP_TICK_EVERY_MS,
          jobName: STATUS_SWEEP_TICK_JOB,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
        },
      ],
      checkEveryMs,
    );
  }
}
