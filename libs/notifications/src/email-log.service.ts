import { Injectable } from '@nestjs/common';
import { Clock, OutboxService, ProblemException, Transactions, pageOf, type Page } from '@tessera/core';
import { EmailResponseDto } from './dto/email-response.dto';
import type { ListEmailsQueryDto } from './dto/list-emails-query.dto';
import { EmailMessageRepository } from './email-message.repository';
import { resendRefusal } from './email-state';
import type { EmailMessage } from './entities/email-message.entity';
import { EMAIL_QUEUE, SEND_EMAIL_JOB, type SendEmailPayload } from './notifications.queue';

/** The staff's view of the mail log: list e-mails and resend one. */
@Injectable()
export class EmailLogService {
  constructor(
    private readonly transactions: Transactions,
    private readonly outbox: OutboxService,
    private readonly emails: EmailMessageRepository,
    private readonly clock: Clock,
  ) {}

  async list(query: ListEmailsQueryDto): Promise<Page<EmailResponseDto>> {
    const [rows, total] = await this.emails.list({
      state: query.state,
      recipient: query.recipient,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(rows.map(toEmailResponse), total, query);
  }

  /**
   * Puts a sent or failed e-mail back in the queue with a new delivery job, in one transaction.
   * The row is locked first, so of two concurrent resends one wins and the other gets a 409.
   */
  resend(id: string): Promise<EmailResponseDto> {
    return this.transactions.run(async () => {
      const email = await this.emails.findByIdForUpdate(id);
      if (!email) throw ProblemException.notFound('No e-mail has this id.', 'email-not-found');
      const refusal = resendRefusal(email);
      if (refusal) throw ProblemException.conflict(refusal.detail, refusal.slug);
      const now = this.clock.now();
      await this.emails.requeue(id, now);
      await this.outbox.publish<SendEmailPayload>({
        queue: EMAIL_QUEUE,
        name: SEND_EMAIL_JOB,
        payload: { emailId: id },
      });
      return toEmailResponse({
        ...email,
        state: 'queued',
        lastError: null,
        nextAttemptAt: null,
        lockedUntil: null,
        updatedAt: now,
      });
    });
  }
}

export function toEmailResponse(email: EmailMessage): EmailResponseDto {
  return {
    id: email.id,
    recipient: email.recipient,
    template: email.template,
    locale: email.locale,
    subject: email.subject,
    state: email.state,
    attempts: email.attempts,
    lastError: email.lastError,
    nextAttemptAt: email.nextAttemptAt ? email.nextAttemptAt.toISOString() : null,
    createdAt: email.createdAt.toISOString(),
    sentAt: email.sentAt ? email.sentAt.toISOString() : null,
    attachments: email.attachments.map((attachment) => attachment.filename),
    resendable: resendRefusal(email) === null,
  };
}
