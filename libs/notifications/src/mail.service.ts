import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, isEmailAddress, OutboxService } from '@tessera/core';
import { EmailMessageRepository } from './email-message.repository';
import { EmailRenderer } from './email-renderer';
import type { EmailAttachment, OutgoingEmail, TemplateName } from './mail.types';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from './notifications.queue';

/**
 * How every domain sends e-mail. `send` writes the mail-log row and an outbox message in the
 * caller's transaction (or one statement of its own), so the e-mail goes out if and only if the change commits.
 * It never touches Redis or SMTP: the worker renders and delivers it.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly emails: EmailMessageRepository,
    private readonly renderer: EmailRenderer,
    private readonly clock: Clock,
  ) {}

  /** Records the e-mail and its delivery job; returns the e-mail's id in the mail log. */
  async send<T extends TemplateName>(email: OutgoingEmail<T>): Promise<string> {
    const recipient = email.to.trim();
    if (!isEmailAddress(recipient)) throw new Error(`Cannot send e-mail to "${email.to}": not an address`);
    // A typo in a template name fails the caller now, not the worker later.
    this.renderer.assertExists(email.template, email.locale);
    const { data, secrets } = splitSecrets(
      email.data as Record<string, unknown>,
      email.secretKeys as string[] | undefined,
    );

    const attachments = (email.attachments ?? []).map(checkedAttachment);

    // The id is chosen here so the delivery message can name it: row and message go in one statement.
    const emailId = randomUUID();
    const row = this.emails.insertStatement({
      id: emailId,
      recipient,
      template: email.template,
      locale: email.locale,
      data,
      secrets,
      attachments,
      createdAt: this.clock.now(),
    });
    await this.outbox.publishWith<{ id: string }, SendEmailPayload>(row, {
      queue: EMAIL_QUEUE,
      name: SEND_EMAIL_JOB,
      payload: { emailId },
    });
    return emailId;
  }
}

/** A caller's mistake fails the caller now, not the worker later; only the three fields are kept. */
function checkedAttachment({ filename, storageKey, contentType }: EmailAttachment): EmailAttachment {
  if (!filename.trim() || /[/\\]/.test(filename)) throw new Error(`Invalid attachment file name "${filename}"`);
  if (!storageKey || !/^[\w.+-]+\/[\w.+-]+$/.test(contentType))
    throw new Error(`Attachment "${filename}" needs a storage key and a content type`);
  return { filename, storageKey, contentType };
}

function splitSecrets(
  all: Record<string, unknown>,
  secretKeys: string[] = [],
): { data: Record<string, unknown>; secrets: Record<string, unknown> | null } {
  const data: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(all)) {
    if (secretKeys.includes(key)) secrets[key] = value;
    else data[key] = value;
  }
  return { data, secrets: Object.keys(secrets).length > 0 ? secrets : null };
}
