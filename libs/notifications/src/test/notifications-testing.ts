import { randomBytes } from 'node:crypto';
import type { TestingModule, TestingModuleBuilder } from '@nestjs/testing';
import { Transactions, type QueueDefinition } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { EmailRetrySchedule } from '../email-retry-schedule';
import { MailService } from '../mail.service';
import type { EmailTemplates } from '../mail.types';
import { EMAIL_BACKOFF, emailQueue } from '../notifications.queue';
import { NotificationsModule } from '../notifications.module';
import { NotificationsWorkerModule } from '../notifications.worker.module';

/** The e-mail queue and its retry schedule, as a test wants them. */
export interface EmailRetries {
  queue: QueueDefinition;
  schedule: EmailRetrySchedule;
}

/** The e-mail queue with test-sized retries: these waits between attempts (one attempt more than waits). */
export function emailRetries(delaysMs: readonly number[], redeliverAfterMs?: number): EmailRetries {
  return {
    queue: {
      ...emailQueue,
      defaultJobOptions: {
        ...emailQueue.defaultJobOptions,
        attempts: delaysMs.length + 1,
        backoff: { type: EMAIL_BACKOFF, delay: 100 },
      },
      redeliverAfterMs: redeliverAfterMs ?? emailQueue.redeliverAfterMs,
    },
    schedule: new EmailRetrySchedule(delaysMs),
  };
}

/** `attempts` tries, `delayMs` apart. */
export function fastEmailQueue(attempts = 8, delayMs = 100): EmailRetries {
  return emailRetries(Array<number>(attempts - 1).fill(delayMs));
}

/** What apps/worker runs for e-mail: MailService, the relay, the processor and the SMTP transport. */
export function bootEmailWorker(
  env: Record<string, string>,
  retries = fastEmailQueue(),
  configure: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<TestingModule> {
  return createWorkerTestingModule({
    imports: [NotificationsModule, NotificationsWorkerModule],
    queues: [retries.queue],
    env,
    configure: (builder) => configure(builder.overrideProvider(EmailRetrySchedule).useValue(retries.schedule)),
  });
}

export interface EmailRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
  secrets: Record<string, unknown> | null;
  secrets_erased_at: Date | null;
  state: 'queued' | 'deferred' | 'sent' | 'failed';
  next_attempt_at: Date | null;
  subject: string | null;
  attempts: number;
  last_error: string | null;
  message_id: string | null;
  sent_at: Date | null;
}

export async function emailRow(app: TestingModule, id: string): Promise<EmailRow | undefined> {
  const rows: EmailRow[] = await app.get(DataSource).query(`SELECT * FROM email_messages WHERE id = $1`, [id]);
  return rows[0];
}

/** When the outbox rows of an e-mail's job were completed by the worker (null while open). */
export async function outboxCompletionsFor(app: TestingModule, emailId: string): Promise<(Date | null)[]> {
  const rows: { completed_at: Date | null }[] = await app
    .get(DataSource)
    .query(`SELECT completed_at FROM outbox_messages WHERE payload->>'emailId' = $1 ORDER BY created_at`, [emailId]);
  return rows.map((row) => row.completed_at);
}

export async function outboxRowsFor(
  app: TestingModule,
  emailId: string,
): Promise<{ id: string; dispatched_at: Date | null }[]> {
  return app
    .get(DataSource)
    .query(`SELECT id, dispatched_at FROM outbox_messages WHERE payload->>'emailId' = $1 ORDER BY created_at`, [
      emailId,
    ]);
}

export function uniqueAddress(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.test`;
}

export function resetData(token = randomBytes(8).toString('hex')): EmailTemplates['password-reset'] {
  return { name: 'Ann Example', resetUrl: `http://tessera.test/reset-password#token=${token}`, expiresInMinutes: 60 };
}

/** Sends a password reset in a transaction of its own, as a domain would in its change. */
export function sendReset(app: TestingModule, to: string, data = resetData()): Promise<string> {
  return app
    .get(Transactions)
    .run(() =>
      app.get(MailService).send({ to, template: 'password-reset', locale: 'en', data, secretKeys: ['resetUrl'] }),
    );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
