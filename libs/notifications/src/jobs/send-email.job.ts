import { Processor } from '@nestjs/bullmq';
import { OutboxCompletion, OutboxWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import { retryDelayOf } from '../email-retry-schedule';
import { MailDeliveryService, type DeliveryOutcome } from '../mail-delivery.service';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from '../notifications.queue';

/** Thin: turns a BullMQ job of the `email` queue into one delivery attempt. */
@Processor(EMAIL_QUEUE, workerOptions({ concurrency: 5, settings: { backoffStrategy: retryDelayOf } }))
export class EmailProcessor extends OutboxWorkerHost<SendEmailPayload, DeliveryOutcome> {
  constructor(
    private readonly delivery: MailDeliveryService,
    completion: OutboxCompletion,
  ) {
    super('E-mail worker', completion);
  }

  protected async handle(job: Job<SendEmailPayload>): Promise<DeliveryOutcome> {
    if (job.name !== SEND_EMAIL_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${EMAIL_QUEUE}"`);
    const attempt = job.attemptsMade + 1;
    return this.delivery.deliver(job.data.emailId, { attempt, final: attempt >= (job.opts.attempts ?? 1) });
  }
}
