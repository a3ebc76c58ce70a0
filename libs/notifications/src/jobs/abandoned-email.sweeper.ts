import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, OutboxService, Transactions } from '@tessera/core';
import { EmailMessageRepository } from '../email-message.repository';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from '../notifications.queue';

/** Longer than the e-mail queue's whole retry schedule, so a live job is never doubled. */
export const ABANDONED_AFTER_MS = 15 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;
const BATCH = 500;

/**
 * Re-publishes queued e-mails whose job was lost (Redis restarted without persistence after the
 * relay handed the job over). Delivery is idempotent, so a rare double publish sends once.
 */
@Injectable()
export class AbandonedEmailSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AbandonedEmailSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transactions: Transactions,
    private readonly emails: EmailMessageRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) => this.logger.warn(`Sweep failed: ${error.message}`));
    }, SWEEP_EVERY_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns how many e-mails were put back on their way. */
  sweep(): Promise<number> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const ids = await this.emails.touchAbandoned(new Date(now.getTime() - ABANDONED_AFTER_MS), now, BATCH);
      for (const emailId of ids)
        await this.outbox.publish<SendEmailPayload>({ queue: EMAIL_QUEUE, name: SEND_EMAIL_JOB, payload: { emailId } });
      if (ids.length > 0) this.logger.warn(`Re-queued ${ids.length} e-mail(s) whose delivery job was lost`);
      return ids.length;
    });
  }
}
