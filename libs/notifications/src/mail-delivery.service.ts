import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { UnrecoverableError } from 'bullmq';
import { EmailMessageRepository } from './email-message.repository';
import { EmailRenderer, type RenderedEmail } from './email-renderer';
import { MailTransport } from './mail-transport';

/** How long a worker holds an e-mail while sending it (beyond the SMTP timeouts). */
export const DELIVERY_LEASE_MS = 120_000;

export interface DeliveryAttempt {
  /** 1 for the first attempt of this job. */
  attempt: number;
  /** True when no retry follows if this attempt fails. */
  final: boolean;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'not-queued' | 'not-found';

/** Thrown when another worker is sending the same e-mail right now; the job tries again later. */
export class EmailBusyError extends Error {
  constructor(emailId: string) {
    super(`E-mail ${emailId} is being delivered by another worker`);
    this.name = 'EmailBusyError';
  }
}

/**
 * Renders and sends one e-mail of the mail log, and records what happened. Idempotent: an e-mail
 * already sent is not sent again, and a lease on the row keeps two workers from sending it at once.
 */
@Injectable()
export class MailDeliveryService {
  private readonly logger = new Logger(MailDeliveryService.name);

  constructor(
    private readonly emails: EmailMessageRepository,
    private readonly renderer: EmailRenderer,
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly organisation: OrganisationSettingsService,
  ) {}

  async deliver(emailId: string, { attempt, final }: DeliveryAttempt): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    if (!(await this.emails.claim(emailId, now, new Date(now.getTime() + DELIVERY_LEASE_MS)))) {
      const email = await this.emails.findById(emailId);
      if (!email) {
        this.logger.warn(`E-mail ${emailId} does not exist; nothing to send`);
        return 'not-found';
      }
      if (email.state === 'sent') return 'already-sent';
      if (email.state === 'failed') return 'not-queued';
      throw new EmailBusyError(emailId);
    }
    const email = await this.emails.findById(emailId);
    if (!email) return 'not-found';

    let rendered: RenderedEmail;
    try {
      const data = { ...email.data, ...(email.secrets ?? {}) };
      rendered = this.renderer.render(email.template, email.locale, data, await this.organisation.getPublic());
    } catch (error) {
      // A template that cannot render will not render on the next try either.
      const message = describe(error);
      await this.emails.recordFailure(emailId, { subject: null, error: message, final: true, at: this.clock.now() });
      this.logger.error(`E-mail ${emailId} (${email.template}) cannot be rendered: ${message}`);
      throw new UnrecoverableError(message);
    }

    let messageId: string | null;
    try {
      ({ messageId } = await this.transport.send({
        from: this.config.MAIL_FROM,
        to: email.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: { 'X-Tessera-Email-Id': email.id },
      }));
    } catch (error) {
      const message = describe(error);
      await this.emails.recordFailure(emailId, {
        subject: rendered.subject,
        error: message,
        final,
        at: this.clock.now(),
      });
      this.logger.warn(
        `E-mail ${emailId} attempt ${attempt} failed${final ? ', giving up' : ', will retry'}: ${message}`,
      );
      throw error;
    }
    await this.emails.markSent(email, { subject: rendered.subject, messageId, at: this.clock.now() });
    return 'sent';
  }
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}
