import type { TestingModule } from '@nestjs/testing';
import { SmtpSink, waitUntil } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { ABANDONED_AFTER_MS, AbandonedEmailSweeper } from '../jobs/abandoned-email.sweeper';
import { bootEmailWorker, emailRow, sendReset, uniqueAddress } from './notifications-testing';

jest.setTimeout(30_000);

/** A job lost with a non-persistent Redis must not leave its e-mail queued forever. */
describe('abandoned e-mails', () => {
  let sink: SmtpSink;
  let app: TestingModule;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    app = await bootEmailWorker({ SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app.close();
    await sink.stop();
  });

  it('re-publishes a queued e-mail whose job vanished, and leaves fresh ones alone', async () => {
    const database = app.get(DataSource);
    const sweeper = app.get(AbandonedEmailSweeper);
    const to = uniqueAddress('lost');
    // Simulate a lost job: an e-mail queued long ago whose outbox row was relayed into a Redis that forgot it.
    const [{ id }] = await database.query(
      `INSERT INTO email_messages (recipient, template, locale, data, secrets, state, created_at, updated_at)
       VALUES ($1, 'password-reset', 'en', $2, $3, 'queued', $4, $4) RETURNING id`,
      [
        to,
        { name: 'Lost Letter', expiresInMinutes: 60 },
        { resetUrl: 'http://tessera.test/reset-password#token=lost' },
        new Date(Date.now() - ABANDONED_AFTER_MS - 60_000),
      ],
    );
    const fresh = await sendReset(app, uniqueAddress('fresh'));
    await waitUntil(async () => (await emailRow(app, fresh))?.state === 'sent', {
      description: 'the fresh e-mail sent',
    });

    expect(await sweeper.sweep()).toBe(1);
    await sink.waitFor((message) => message.to.includes(to), { timeoutMs: 10_000 });
    await waitUntil(async () => (await emailRow(app, id))?.state === 'sent', { description: 'the lost e-mail sent' });
    expect(await sweeper.sweep()).toBe(0);
    expect(sink.messagesTo(to)).toHaveLength(1);
  });
});
