import { Processor } from '@nestjs/bullmq';
import { QuietWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import { MailDeliveryService, type DeliveryOutcome } from '../mail-delivery.service';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from '../notifications.queue';

/** Thin: turns a BullMQ job of the `email` queue into one delivery attempt. */
@Processor(EMAIL_QUEUE, workerOptions({ concurrency: 5 }))
export class EmailProcessor extends QuietWorkerHost {
  constructor(private readonly delivery: MailDeliveryService) {
    super('E-mail worker');
  }

  async process(job: Job<SendEmailPayload>): Promise<DeliveryOutcome> {
    if (job.name !== SEND_EMAIL_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${EMAIL_QUEUE}"`);
    const attempt = job.attemptsMade + 1;
    return this.delivery.deliver(job.data.emailId, { attempt, final: attempt >= (job.opts.attempts ?? 1) });
  }
}
