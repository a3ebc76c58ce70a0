import { Processor } from '@nestjs/bullmq';
import { OutboxCompletion, OutboxWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import { RenewalRunsService } from '../renewals/renewal-runs.service';
import { RENEWALS_QUEUE, RUN_RENEWALS_JOB, type RunRenewalsPayload } from '../renewals/renewals.queue';

/** Thin: a `run-renewals` job is one renewal run, its progress reported on the job. */
@Processor(RENEWALS_QUEUE, workerOptions({ concurrency: 1 }))
export class RunRenewalsProcessor extends OutboxWorkerHost<RunRenewalsPayload, { examined: number; issued: number }> {
  constructor(
    private readonly runs: RenewalRunsService,
    completion: OutboxCompletion,
  ) {
    super('Renewals worker', completion);
  }

  protected async handle(job: Job<RunRenewalsPayload>): Promise<{ examined: number; issued: number }> {
    if (job.name !== RUN_RENEWALS_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${RENEWALS_QUEUE}"`);
    const run = await this.runs.execute(job.data.runId, (progress) => job.updateProgress(progress));
    return { examined: run.examined, issued: run.issued };
  }
}
