import { Injectable } from '@nestjs/common';
import { Transactions, type ReturningStatement } from '@tessera/core';
import { In, IsNull, LessThanOrEqual, Or, Raw, type FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { EmailMessage } from './entities/email-message.entity';
import type { EmailState } from './email-state';
import type { EmailAttachment, Locale } from './mail.types';

export interface NewEmailMessage {
  id: string;
  recipient: string;
  template: string;
  locale: Locale;
  data: Record<string, unknown>;
  secrets: Record<string, unknown> | null;
  attachments: EmailAttachment[];
  createdAt: Date;
}

export interface EmailFilter {
  state?: EmailState;
  recipient?: string;
  offset: number;
  limit: number;
}

/** Columns the mail log shows (never the template data, and above all never the secrets). */
const LOG_COLUMNS: (keyof EmailMessage)[] = [
  'id',
  'recipient',
  'template',
  'locale',
  'subject',
  'state',
  'attempts',
  'lastError',
  'nextAttemptAt',
  'createdAt',
  'sentAt',
  'secretsErasedAt',
  'attachments',
];

/** States in which an e-mail still waits for delivery. */
const UNDELIVERED = In(['queued', 'deferred']);

/**
 * An e-mail that will not be sent (again) no longer needs its one-time links: failing for good
 * erases them as sending does. The SET clause reads the row as it was, so the time is recorded
 * only when there was something to erase.
 */
function eraseSecrets(at: Date): Pick<QueryDeepPartialEntity<EmailMessage>, 'secrets' | 'secretsErasedAt'> {
  return {
    secrets: null,
    secretsErasedAt: () =>
      `CASE WHEN secrets IS NULL THEN secrets_erased_at ELSE '${at.toISOString()}'::timestamptz END`,
  };
}

/** The only place that speaks TypeORM for `email_messages`; joins the caller's transaction. */
@Injectable()
export class EmailMessageRepository {
  constructor(private readonly transactions: Transactions) {}

  private get repository() {
    return this.transactions.repository(EmailMessage);
  }

  /**
   * The INSERT of a new e-mail, to run with its delivery message through `OutboxService.publishWith`:
   * every e-mail passes here inside some other change's transaction, so one round trip counts (see bench/).
   */
  insertStatement(values: NewEmailMessage): ReturningStatement {
    return {
      sql: `INSERT INTO email_messages (id, recipient, template, locale, data, secrets, attachments, state, attempts, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, $8) RETURNING id`,
      params: [
        values.id,
        values.recipient,
        values.template,
        values.locale,
        values.data,
        values.secrets,
        JSON.stringify(values.attachments),
        values.createdAt,
      ],
    };
  }

  findById(id: string): Promise<EmailMessage | null> {
    return this.repository.findOneBy({ id });
  }

  /** Locks the row until the end of the current transaction (a transaction must be open). */
  findByIdForUpdate(id: string): Promise<EmailMessage | null> {
    return this.repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async list(filter: EmailFilter): Promise<[EmailMessage[], number]> {
    const where: FindOptionsWhere<EmailMessage> = {};
    if (filter.state) where.state = filter.state;
    if (filter.recipient) {
      where.recipient = Raw((column) => `lower(${column}) = lower(:recipient)`, { recipient: filter.recipient });
    }
    return this.repository.findAndCount({
      select: LOG_COLUMNS,
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: filter.offset,
      take: filter.limit,
    });
  }

  /**
   * Takes the delivery lease of a queued or deferred e-mail: true when this caller may send it
   * now, false when it is not waiting for delivery or another worker holds an unexpired lease.
   */
  async claim(id: string, now: Date, until: Date): Promise<boolean> {
    const result = await this.repository.update(
      { id, state: UNDELIVERED, lockedUntil: Or(IsNull(), LessThanOrEqual(now)) },
      { lockedUntil: until },
    );
    return result.affected === 1;
  }

  async markSent(email: EmailMessage, sent: { subject: string; messageId: string; at: Date }): Promise<void> {
    await this.repository.update(
      { id: email.id, state: UNDELIVERED },
      {
        state: 'sent',
        subject: sent.subject,
        messageId: sent.messageId,
        sentAt: sent.at,
        attempts: () => 'attempts + 1',
        lastError: null,
        nextAttemptAt: null,
        secrets: null,
        secretsErasedAt: email.secrets ? sent.at : email.secretsErasedAt,
        lockedUntil: null,
        updatedAt: sent.at,
      },
    );
  }

  /** A failed attempt: deferred until `nextAttemptAt`, or failed for good when `final`. */
  async recordFailure(
    id: string,
    failure: { subject: string | null; error: string; final: boolean; nextAttemptAt?: Date | null; at: Date },
  ): Promise<void> {
    await this.repository.update(
      { id, state: UNDELIVERED },
      {
        state: failure.final ? 'failed' : 'deferred',
        nextAttemptAt: failure.final ? null : (failure.nextAttemptAt ?? null),
        ...(failure.subject === null ? {} : { subject: failure.subject }),
        attempts: () => 'attempts + 1',
        lastError: failure.error,
        lockedUntil: null,
        updatedAt: failure.at,
        ...(failure.final ? eraseSecrets(failure.at) : {}),
      },
    );
  }

  async requeue(id: string, at: Date): Promise<void> {
    await this.repository.update(
      { id },
      { state: 'queued', lastError: null, nextAttemptAt: null, lockedUntil: null, updatedAt: at },
    );
  }
}
