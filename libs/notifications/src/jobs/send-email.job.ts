import { Logger } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { MailDeliveryService, type DeliveryOutcome } from '../mail-delivery.service';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from '../notifications.queue';

/** Thin: turns a BullMQ job of the `email` queue into one delivery attempt. */
@Processor(EMAIL_QUEUE, { concurrency: 5 })
export class EmailProcessor extends WorkerHost {
  private readonly logger = new Logger(EmailProcessor.name);
  private lastError = '';

  constructor(private readonly delivery: MailDeliveryService) {
    super();
  }

  async process(job: Job<SendEmailPayload>): Promise<DeliveryOutcome> {
    if (job.name !== SEND_EMAIL_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${EMAIL_QUEUE}"`);
    const attempt = job.attemptsMade + 1;
    return this.delivery.deliver(job.data.emailId, { attempt, final: attempt >= (job.opts.attempts ?? 1) });
  }

  /** Connection trouble (Redis down): said once, not on every reconnection attempt. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.logger.warn(`E-mail worker: ${error.message}`);
  }

  @OnWorkerEvent('ready')
  onReady(): void {
    if (this.lastError) this.logger.log('E-mail worker connected');
    this.lastError = '';
  }
}
