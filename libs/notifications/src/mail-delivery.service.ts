import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, FileStorage } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { UnrecoverableError } from 'bullmq';
import { EmailMessageRepository } from './email-message.repository';
import { EmailRenderer, type RenderedEmail } from './email-renderer';
import { EmailDeferredError, EmailRetrySchedule } from './email-retry-schedule';
import type { EmailMessage } from './entities/email-message.entity';
import { MailTransport, type MailToSend } from './mail-transport';

/** How long a worker holds an e-mail while sending it (beyond the SMTP timeouts). */
export const DELIVERY_LEASE_MS = 120_000;

export interface DeliveryAttempt {
  /** 1 for the first attempt of this job. */
  attempt: number;
  /** True when the job allows no retry after this attempt (the schedule may end sooner). */
  final: boolean;
}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'not-queued' | 'not-found';

/** An attachment's file is not in storage: no later attempt will find it either. */
export class MissingAttachmentError extends Error {
  constructor(filename: string, reason: string) {
    // Named by its file name and the error code only: the mail log shows it, storage paths stay out.
    super(`Attachment "${filename}" is not in storage (${reason})`);
    this.name = 'MissingAttachmentError';
  }
}

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
 * At least once, though: if marking it sent fails after SMTP accepted it, it is sent again, with
 * the same Message-ID (`<mail-log id@sender's domain>`), by which receivers drop the duplicate.
 * A failed attempt defers the e-mail by the retry schedule; when that runs out it has failed.
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
    private readonly schedule: EmailRetrySchedule,
    private readonly organisation: OrganisationSettingsService,
    private readonly storage: FileStorage,
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

    const messageId = `<${email.id}@${domainOf(this.config.MAIL_FROM)}>`;
    try {
      await this.transport.send({
        from: this.config.MAIL_FROM,
        to: email.recipient,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId,
        headers: { 'X-Tessera-Email-Id': email.id },
        attachments: await this.attachmentsOf(email),
      });
    } catch (error) {
      const message = describe(error);
      const retryInMs = final || error instanceof MissingAttachmentError ? null : this.schedule.delayAfter(attempt);
      const at = this.clock.now();
      await this.emails.recordFailure(emailId, {
        subject: rendered.subject,
        error: message,
        final: retryInMs === null,
        nextAttemptAt: retryInMs === null ? null : new Date(at.getTime() + retryInMs),
        at,
      });
      this.logger.warn(
        `E-mail ${emailId} attempt ${attempt} failed${retryInMs === null ? ', giving up' : `, retry in ${retryInMs} ms`}: ${message}`,
      );
      if (retryInMs === null) throw new UnrecoverableError(message);
      throw new EmailDeferredError(message, retryInMs);
    }
    await this.emails.markSent(email, { subject: rendered.subject, messageId, at: this.clock.now() });
    return 'sent';
  }

  /**
   * The attachments with their bytes. A file gone from storage (or a key that cannot be one)
   * fails the e-mail for good; any other read error is retried like a failed send.
   */
  private async attachmentsOf(email: EmailMessage): Promise<MailToSend['attachments']> {
    return Promise.all(
      email.attachments.map(async ({ filename, storageKey, contentType }) => {
        try {
          return { filename, contentType, content: await this.storage.readBytes(storageKey) };
        } catch (error) {
          const missing = missingFile(error);
          throw missing ? new MissingAttachmentError(filename, missing) : error;
        }
      }),
    );
  }
}

/** Why a stored file is not there and never will be, or null for errors that may pass (EIO, EMFILE…). */
function missingFile(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' || code === 'EISDIR') return code;
  return /Invalid storage key/.test(String((error as Error | null)?.message)) ? 'invalid storage key' : null;
}

/** The domain of an address such as `Tessera <no-reply@tessera.example>`. */
function domainOf(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'tessera.invalid';
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 2000);
}
