import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { ApplicationIntake, type IntakeOutcome } from '../application-intake';
import { COMPLETE_INTAKE_JOB, REGISTRATION_QUEUE, type CompleteIntakePayload } from '../registration.queue';

/** Thin: a `complete-intake` job is one intake run for one application. */
@Processor(REGISTRATION_QUEUE, { concurrency: 5 })
export class CompleteIntakeProcessor extends WorkerHost {
  private readonly logger = new Logger(CompleteIntakeProcessor.name);
  private lastError = '';

  constructor(private readonly intake: ApplicationIntake) {
    super();
  }

  async process(job: Job<CompleteIntakePayload>): Promise<IntakeOutcome> {
    if (job.name !== COMPLETE_INTAKE_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${REGISTRATION_QUEUE}"`);
    return this.intake.complete(job.data.applicationId);
  }

  /** Connection trouble (Redis down): said once, not on every reconnection attempt. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.logger.warn(`Registration worker: ${error.message}`);
  }
}
