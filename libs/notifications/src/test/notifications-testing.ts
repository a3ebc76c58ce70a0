import { randomBytes } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { Transactions, type QueueDefinition } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { MailService } from '../mail.service';
import type { EmailTemplates } from '../mail.types';
import { emailQueue } from '../notifications.queue';
import { NotificationsModule } from '../notifications.module';
import { NotificationsWorkerModule } from '../notifications.worker.module';

/** The e-mail queue with test-sized retries: `attempts` tries, `delayMs` apart. */
export function fastEmailQueue(attempts = 8, delayMs = 100): QueueDefinition {
  return {
    ...emailQueue,
    defaultJobOptions: { ...emailQueue.defaultJobOptions, attempts, backoff: { type: 'fixed', delay: delayMs } },
  };
}

/** What apps/worker runs for e-mail: MailService, the relay, the processor and the SMTP transport. */
export function bootEmailWorker(env: Record<string, string>, queue = fastEmailQueue()): Promise<TestingModule> {
  return createWorkerTestingModule({ imports: [NotificationsModule, NotificationsWorkerModule], queues: [queue], env });
}

export interface EmailRow {
  id: string;
  recipient: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
  secrets: Record<string, unknown> | null;
  secrets_erased_at: Date | null;
  state: 'queued' | 'sent' | 'failed';
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
