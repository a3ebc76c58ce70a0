import type { TestingModule } from '@nestjs/testing';
import { Clock, ManualClock } from '@tessera/core';
import { SmtpSink, freePort, waitUntil } from '@tessera/testing';
import { plainToInstance } from 'class-transformer';
import { DataSource, type QueryRunner } from 'typeorm';
import { ListEmailsQueryDto } from '../dto/list-emails-query.dto';
import { EmailLogService } from '../email-log.service';
import { DELIVERY_LEASE_MS } from '../mail-delivery.service';
import { EMAIL_RETRY_DELAYS_MS } from '../notifications.queue';
import {
  bootEmailWorker,
  emailRetries,
  emailRow,
  fastEmailQueue,
  sendReset,
  sleep,
  uniqueAddress,
} from './notifications-testing';

jest.setTimeout(60_000);

/** Faults injected for real: SMTP away for a while, the database connection lost at the worst moment. */
describe('e-mail delivery under faults', () => {
  let app: TestingModule | undefined;
  let sink: SmtpSink | undefined;

  afterEach(async () => {
    await app?.close();
    await sink?.stop();
    app = sink = undefined;
  });

  it('keeps an e-mail deferred through a 10-minute SMTP outage and delivers it once SMTP is back', async () => {
    // The real schedule, run 100 times faster: 10 minutes are 6 s.
    const speedUp = 100;
    const port = await freePort(); // nothing listens: the SMTP server is down
    app = await bootEmailWorker(
      { SMTP_URL: `smtp://127.0.0.1:${port}` },
      emailRetries(EMAIL_RETRY_DELAYS_MS.map((ms) => ms / speedUp)),
    );
    const outageStarted = Date.now();
    const to = uniqueAddress('outage');
    const id = await sendReset(app, to);

    await waitUntil(async () => ((await emailRow(app!, id))?.attempts ?? 0) >= 3, {
      description: 'three failed attempts',
    });
    // what staff see: waiting, when it is tried next, and why the last attempt failed
    const listed = await app
      .get(EmailLogService)
      .list(plainToInstance(ListEmailsQueryDto, { state: 'deferred', recipient: to }));
    expect(listed.items).toEqual([
      expect.objectContaining({
        id,
        state: 'deferred',
        nextAttemptAt: expect.stringMatching(/^\d{4}-.+Z$/),
        lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
        resendable: false,
      }),
    ]);
    expect(new Date(listed.items[0].nextAttemptAt!).getTime()).toBeGreaterThan(
      new Date(listed.items[0].createdAt).getTime(),
    );

    await sleep(outageStarted + (10 * 60_000) / speedUp - Date.now());
    const after10Minutes = await emailRow(app, id);
    expect(after10Minutes).toMatchObject({ state: 'deferred', sent_at: null });
    expect(after10Minutes!.attempts).toBeGreaterThanOrEqual(5);
    expect(after10Minutes!.secrets).toEqual({ resetUrl: expect.any(String) });

    sink = await new SmtpSink({ port }).start();
    await sink.waitFor((m) => m.to.includes(to), { timeoutMs: 30_000, description: 'the deferred e-mail' });
    const sent = await waitUntil(async () => {
      const row = await emailRow(app!, id);
      return row?.state === 'sent' && row;
    });
    expect(sent).toMatchObject({ last_error: null, next_attempt_at: null, secrets: null });
    await sleep(1000);
    expect(sink.messagesTo(to)).toHaveLength(1);
  });

  it('sends again with the same Message-ID when the database connection dies after SMTP accepted the e-mail', async () => {
    const clock = new ManualClock();
    const to = uniqueAddress('accepted-then-lost');
    let locker: QueryRunner | undefined;
    // Before the sink answers "250 accepted", lock the e-mail's row: marking it sent will wait on it.
    sink = await new SmtpSink({
      beforeReply: async (message) => {
        if (locker || !message.to.includes(to)) return;
        locker = app!.get(DataSource).createQueryRunner();
        await locker.startTransaction();
        await locker.query(`SELECT id FROM email_messages WHERE id = $1 FOR UPDATE`, [
          message.headers['x-tessera-email-id'],
        ]);
      },
    }).start();
    app = await bootEmailWorker({ SMTP_URL: sink.url }, fastEmailQueue(8, 100), (builder) =>
      builder.overrideProvider(Clock).useValue(clock),
    );
    const database = app.get(DataSource);
    const id = await sendReset(app, to);

    // The worker's connection, waiting to mark it sent, dies (as in a failover).
    const terminated = await waitUntil(
      async () => {
        const rows: { pid: number }[] = await database.query(
          `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE "email_messages"%'`,
        );
        return rows.length > 0 && rows;
      },
      { description: "the worker's connection waiting to mark the e-mail sent" },
    );
    expect(terminated).toHaveLength(1);
    await locker!.rollbackTransaction();
    await locker!.release();
    expect(await emailRow(app, id)).toMatchObject({ state: 'queued', sent_at: null });

    // Its lease runs out and another attempt sends it again: at least once, never lost.
    clock.advance(DELIVERY_LEASE_MS + 1000);
    const sent = await waitUntil(async () => {
      const row = await emailRow(app!, id);
      return row?.state === 'sent' && row;
    });
    const copies = sink.messagesTo(to);
    expect(copies).toHaveLength(2);
    expect(copies.map((copy) => copy.headers['message-id'])).toEqual([`<${id}@tessera.test>`, `<${id}@tessera.test>`]);
    expect(sent.message_id).toBe(`<${id}@tessera.test>`);
  });
});
