import type { TestingModule } from '@nestjs/testing';
import { Transactions, redisOptions } from '@tessera/core';
import { RedisServer, SmtpSink, extractLinks, freePort, waitUntil } from '@tessera/testing';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { EmailBusyError, MailDeliveryService } from '../mail-delivery.service';
import { MailService } from '../mail.service';
import { EMAIL_QUEUE, SEND_EMAIL_JOB } from '../notifications.queue';
import {
  bootEmailWorker,
  emailRow,
  fastEmailQueue,
  outboxCompletionsFor,
  outboxRowsFor,
  resetData,
  sendReset,
  sleep,
  uniqueAddress,
} from './notifications-testing';

describe('E-mail through the outbox', () => {
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
  });

  afterAll(async () => {
    await sink.stop();
  });

  describe('with Redis and SMTP up', () => {
    let app: TestingModule;

    beforeAll(async () => {
      app = await bootEmailWorker({ SMTP_URL: sink.url });
    });

    afterAll(async () => {
      await app?.close();
    });

    it('delivers an e-mail sent in a transaction that commits, then marks it sent and erases its secrets', async () => {
      const to = uniqueAddress('ann');
      const data = resetData();
      const transactions = app.get(Transactions);

      const id = await transactions.run(async () => {
        const emailId = await app.get(MailService).send({
          to,
          template: 'password-reset',
          locale: 'en',
          data,
          secretKeys: ['resetUrl'],
        });
        // inside the caller's transaction: the row and its secrets, kept apart from the data
        const [inside] = await transactions.manager.query(`SELECT * FROM email_messages WHERE id = $1`, [emailId]);
        expect(inside).toMatchObject({
          recipient: to,
          template: 'password-reset',
          locale: 'en',
          state: 'queued',
          attempts: 0,
          data: { name: 'Ann Example', expiresInMinutes: 60 },
          secrets: { resetUrl: data.resetUrl },
        });
        expect(inside.data).not.toHaveProperty('resetUrl');
        return emailId;
      });

      const message = await sink.waitFor((m) => m.to.includes(to), { description: `the reset e-mail to ${to}` });
      expect(message.subject).toBe('Reset your Tessera password');
      expect(message.from).toBe('no-reply@tessera.test');
      expect(message.headers['x-tessera-email-id']).toBe(id);
      expect(message.headers['message-id']).toBe(`<${id}@tessera.test>`);
      expect(message.html).toContain('Hello Ann Example,');
      expect(message.text).toContain('Hello Ann Example,');
      expect(extractLinks(message)).toEqual([data.resetUrl]);

      const row = await waitUntil(
        async () => {
          const current = await emailRow(app, id);
          return current?.state === 'sent' && current;
        },
        { description: 'the e-mail to be marked sent' },
      );
      expect(row).toMatchObject({
        attempts: 1,
        subject: 'Reset your Tessera password',
        last_error: null,
        secrets: null,
        data: { name: 'Ann Example', expiresInMinutes: 60 },
      });
      expect(row.sent_at).toBeInstanceOf(Date);
      expect(row.secrets_erased_at).toBeInstanceOf(Date);
      expect(row.message_id).toBe(`<${id}@tessera.test>`);
      expect(JSON.stringify(row)).not.toContain(data.resetUrl);
      expect(await outboxRowsFor(app, id)).toEqual([{ id: expect.any(String), dispatched_at: expect.any(Date) }]);
      expect(sink.messagesTo(to)).toHaveLength(1);
    });

    it('records and sends nothing when the transaction rolls back', async () => {
      const to = uniqueAddress('rolled-back');
      let id = '';
      await expect(
        app.get(Transactions).run(async () => {
          id = await sendReset(app, to);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');

      // an e-mail committed after it goes through the same relay and worker: once it has
      // arrived, the rolled-back one would have too
      const after = uniqueAddress('after');
      await sendReset(app, after);
      await sink.waitFor((m) => m.to.includes(after), { description: 'the e-mail sent after the rollback' });

      expect(id).not.toBe('');
      expect(await emailRow(app, id)).toBeUndefined();
      expect(await outboxRowsFor(app, id)).toEqual([]);
      expect(sink.messagesTo(to)).toEqual([]);
    });

    it('sends once when the job runs twice, one after the other or at the same time', async () => {
      const to = uniqueAddress('twice');
      const id = await sendReset(app, to);
      await sink.waitFor((m) => m.to.includes(to));
      await waitUntil(async () => (await emailRow(app, id))?.state === 'sent');

      // the same delivery job again, through BullMQ (a redelivered job)
      const queue = new Queue(EMAIL_QUEUE, {
        connection: redisOptions(process.env.REDIS_URL as string),
        prefix: process.env.QUEUE_PREFIX,
      });
      const events = new QueueEvents(EMAIL_QUEUE, {
        connection: redisOptions(process.env.REDIS_URL as string),
        prefix: process.env.QUEUE_PREFIX,
      });
      try {
        await events.waitUntilReady();
        const job = await queue.add(SEND_EMAIL_JOB, { emailId: id });
        expect(await job.waitUntilFinished(events, 10_000)).toBe('already-sent');
      } finally {
        await events.close();
        await queue.close();
      }
      // and straight to the delivery service
      const delivery = app.get(MailDeliveryService);
      expect(await delivery.deliver(id, { attempt: 1, final: false })).toBe('already-sent');

      // several deliveries racing for a fresh e-mail (with the worker's own job in the race)
      const racing = uniqueAddress('racing');
      const racingId = await sendReset(app, racing);
      const outcomes = await Promise.allSettled(
        [1, 2, 3].map(() => delivery.deliver(racingId, { attempt: 1, final: false })),
      );
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') expect(['sent', 'already-sent']).toContain(outcome.value);
        else expect(outcome.reason).toBeInstanceOf(EmailBusyError);
      }
      await waitUntil(async () => (await emailRow(app, racingId))?.state === 'sent');
      await sleep(500);

      expect(sink.messagesTo(to)).toHaveLength(1);
      expect(sink.messagesTo(racing)).toHaveLength(1);
      expect((await emailRow(app, id))?.attempts).toBe(1);
      expect((await emailRow(app, racingId))?.attempts).toBe(1);
    });

    it('refuses an unknown template or a bad address in the caller, before anything is written', async () => {
      const mail = app.get(MailService);
      const send = (email: Parameters<MailService['send']>[0]) => app.get(Transactions).run(() => mail.send(email));
      await expect(
        send({ to: 'x@example.test', template: 'no-such' as 'password-reset', locale: 'en', data: resetData() }),
      ).rejects.toThrow(/Unknown e-mail template "no-such"/);
      await expect(
        send({ to: 'not an address', template: 'password-reset', locale: 'en', data: resetData() }),
      ).rejects.toThrow(/not an address/);
    });
  });

  describe('with Redis down', () => {
    let redis: RedisServer;
    let app: TestingModule;

    beforeAll(async () => {
      redis = await new RedisServer().start();
      app = await bootEmailWorker({ SMTP_URL: sink.url, REDIS_URL: redis.url });
    });

    afterAll(async () => {
      if (!redis.running) await redis.start();
      await app?.close();
      await redis.stop();
    });

    it('still commits the e-mail, keeps it queued, and delivers it once when Redis is back', async () => {
      await redis.stop();
      const to = uniqueAddress('redis-down');
      const id = await sendReset(app, to);

      await sleep(2500); // the relay's wake-up on commit and two of its polls
      expect(await emailRow(app, id)).toMatchObject({ state: 'queued', attempts: 0, sent_at: null });
      expect(await outboxRowsFor(app, id)).toEqual([{ id: expect.any(String), dispatched_at: null }]);
      expect(sink.messagesTo(to)).toEqual([]);

      await redis.start(); // same port, empty
      await sink.waitFor((m) => m.to.includes(to), { timeoutMs: 60_000, description: `the e-mail to ${to}` });
      await waitUntil(async () => (await emailRow(app, id))?.state === 'sent', {
        description: 'the e-mail marked sent',
      });
      await sleep(1500);
      expect(sink.messagesTo(to)).toHaveLength(1);
      expect(await emailRow(app, id)).toMatchObject({ state: 'sent', attempts: 1, secrets: null });
      // One outbox row, completed by the worker: never relayed again. It may not be marked
      // dispatched: a batch the relay gave up on while Redis came back can still land and be
      // delivered before the relay's retry, which skips completed rows.
      await waitUntil(async () => (await outboxCompletionsFor(app, id)).every((completed) => completed !== null), {
        description: 'the outbox row completed',
      });
      expect(await outboxCompletionsFor(app, id)).toEqual([expect.any(Date)]);
    }, 90_000); // a reconnection under load has been seen to take ~30 s
  });

  describe('with SMTP down', () => {
    let port: number;
    let app: TestingModule;
    let laterSink: SmtpSink | undefined;

    afterEach(async () => {
      await app?.close();
      await laterSink?.stop();
      laterSink = undefined;
    });

    beforeEach(async () => {
      port = await freePort(); // nothing listens there: connections are refused
    });

    it('records each failed attempt, retries with backoff, and delivers once SMTP is back', async () => {
      app = await bootEmailWorker({ SMTP_URL: `smtp://127.0.0.1:${port}` }, fastEmailQueue(50, 200));
      const to = uniqueAddress('smtp-down');
      const id = await sendReset(app, to);

      const failing = await waitUntil(
        async () => {
          const row = await emailRow(app, id);
          return row && row.attempts >= 2 && row;
        },
        { description: 'two failed attempts' },
      );
      expect(failing).toMatchObject({ state: 'deferred', sent_at: null, subject: 'Reset your Tessera password' });
      expect(failing.next_attempt_at).toBeInstanceOf(Date);
      expect(failing.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(failing.secrets).toEqual({ resetUrl: expect.any(String) });

      laterSink = await new SmtpSink({ port }).start();
      const message = await laterSink.waitFor((m) => m.to.includes(to), { timeoutMs: 15_000 });
      expect(message.subject).toBe('Reset your Tessera password');
      const sent = await waitUntil(async () => {
        const row = await emailRow(app, id);
        return row?.state === 'sent' && row;
      });
      expect(sent.attempts).toBeGreaterThan(failing.attempts);
      expect(sent).toMatchObject({ last_error: null, secrets: null });
      await sleep(500);
      expect(laterSink.messagesTo(to)).toHaveLength(1);
    });

    it('marks the e-mail failed when the last attempt fails, erasing its one-time link', async () => {
      app = await bootEmailWorker({ SMTP_URL: `smtp://127.0.0.1:${port}` }, fastEmailQueue(3, 100));
      const id = await sendReset(app, uniqueAddress('smtp-gone'));

      const failed = await waitUntil(
        async () => {
          const row = await emailRow(app, id);
          return row?.state === 'failed' && row;
        },
        { description: 'the e-mail to be marked failed' },
      );
      expect(failed.attempts).toBe(3);
      expect(failed.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(failed.sent_at).toBeNull();
      expect(failed.secrets).toBeNull();
      expect(failed.secrets_erased_at).toBeInstanceOf(Date);
      // given up for good: its outbox message is finished, so the relay does not hand it over again
      await waitUntil(
        async () =>
          (
            (await app
              .get(DataSource)
              .query(`SELECT completed_at FROM outbox_messages WHERE payload->>'emailId' = $1`, [id])) as {
              completed_at: Date | null;
            }[]
          )[0]?.completed_at,
        { description: 'the outbox message of the failed e-mail to be finished' },
      );
    });
  });
});
