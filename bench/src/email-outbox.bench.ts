import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { emailQueue, MailService, NotificationsModule, NotificationsWorkerModule } from '@tessera/notifications';
import { createWorkerTestingModule, SmtpSink, waitUntil } from '@tessera/testing';
import { createTransport } from 'nodemailer';
import { Pool } from 'pg';
import { benchEnvironment, report, timed } from './support';

const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const CONCURRENCY = 10;

/**
 * E-mail through the outbox. Writing: MailService.send (mail-log row + outbox row, one statement
 * since OutboxService.publishWith) against the same two INSERTs in raw SQL, in one transaction. Delivery: committed rows to messages in
 * the SMTP sink (relay → BullMQ → worker → SMTP) against nodemailer sending straight to the sink.
 */
export async function emailOutboxBench(): Promise<void> {
  const { env, drop } = await benchEnvironment();
  const sink = await new SmtpSink().start();
  let worker: TestingModule | undefined;
  const pool = new Pool({ connectionString: env.DATABASE_URL, max: CONCURRENCY });
  try {
    worker = await createWorkerTestingModule({
      imports: [NotificationsModule, NotificationsWorkerModule],
      queues: [emailQueue],
      env: { ...env, SMTP_URL: sink.url },
    });
    const mail = worker.get(MailService);
    const data = { name: 'Bench', resetUrl: 'http://tessera.test/reset-password?token=x', expiresInMinutes: 60 };

    const rawWrite = await timed(EMAILS, CONCURRENCY, async (i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const id = randomUUID();
        await client.query(
          `INSERT INTO email_messages (id, recipient, template, locale, data, state, attempts, created_at, updated_at)
           VALUES ($1, $2, 'password-reset', 'en', $3, 'queued', 0, now(), now())`,
          [id, `raw${i}@bench.test`, data],
        );
        await client.query(
          `INSERT INTO outbox_messages (queue, job_name, payload, dispatched_at) VALUES ('raw', 'send', $1, now())`,
          [{ emailId: id }],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });

    const started = performance.now();
    const serviceWrite = await timed(EMAILS, CONCURRENCY, (i) =>
      mail.send({
        to: `user${i}@bench.test`,
        template: 'password-reset',
        locale: 'en',
        data,
        secretKeys: ['resetUrl'],
      }),
    );
    await waitUntil(() => sink.messages().length >= EMAILS, {
      timeoutMs: 600_000,
      intervalMs: 50,
      description: 'every e-mail',
    });
    const delivered = performance.now() - started;

    const direct = createTransport({
      host: '127.0.0.1',
      port: sink.port,
      secure: false,
      ignoreTLS: true,
      pool: true,
      maxConnections: 5,
    });
    const directSend = await timed(EMAILS, CONCURRENCY, (i) =>
      direct.sendMail({
        from: env.MAIL_FROM,
        to: `direct${i}@bench.test`,
        subject: 'Bench',
        text: 'Bench',
        html: '<p>Bench</p>',
      }),
    );
    direct.close();

    report(`E-mail outbox, writing (${EMAILS} e-mails, ${CONCURRENCY} at a time)`, [
      { label: 'MailService.send (row + outbox, one statement each)', count: EMAILS, ms: serviceWrite },
      { label: 'baseline: the same two INSERTs per transaction, raw pg', count: EMAILS, ms: rawWrite },
    ]);
    report(`E-mail outbox, delivery (${EMAILS} e-mails)`, [
      { label: 'send → relay → BullMQ → worker → rendered → SMTP sink', count: EMAILS, ms: delivered },
      { label: 'baseline: nodemailer straight to the SMTP sink, no queue', count: EMAILS, ms: directSend },
    ]);
  } finally {
    await worker?.close();
    await pool.end();
    await sink.stop();
    await drop();
  }
}
