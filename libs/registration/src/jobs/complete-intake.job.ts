import { Processor } from '@nestjs/bullmq';
import { OutboxCompletion, OutboxWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import { ApplicationIntakeService, type IntakeOutcome } from '../application-intake.service';
import { COMPLETE_INTAKE_JOB, REGISTRATION_QUEUE, type CompleteIntakePayload } from '../registration.queue';

/** Thin: a `complete-intake` job is one intake run for one application. */
@Processor(REGISTRATION_QUEUE, workerOptions({ concurrency: 5 }))
export class CompleteIntakeProcessor extends OutboxWorkerHost<CompleteIntakePayload, IntakeOutcome> {
  constructor(
    private readonly intake: ApplicationIntakeService,
    completion: OutboxCompletion,
  ) {
    super('Registration worker', completion);
  }

  protected async handle(job: Job<CompleteIntakePayload>): Promise<IntakeOutcome> {
    if (job.name !== COMPLETE_INTAKE_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${REGISTRATION_QUEUE}"`);
    return this.intake.complete(job.data.applicationId);
  }

  protected override failedForGood(job: Job<CompleteIntakePayload>): Promise<void> {
    return this.intake.recordFailure(job.data.applicationId);
  }
}
