import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { ProblemException, Transactions } from '@tessera/core';
import { SmtpSink, freePort, waitUntil } from '@tessera/testing';
import { plainToInstance } from 'class-transformer';
import { ListEmailsQueryDto } from '../dto/list-emails-query.dto';
import { EmailLogService } from '../email-log.service';
import { MailService } from '../mail.service';
import {
  bootEmailWorker,
  emailRow,
  fastEmailQueue,
  outboxRowsFor,
  sendReset,
  uniqueAddress,
  type EmailRow,
} from './notifications-testing';

describe('EmailLogService (the mail log behind GET /emails and POST /emails/:id/resend)', () => {
  let port: number;
  let sink: SmtpSink | undefined;
  let app: TestingModule;
  let log: EmailLogService;

  const smtpUp = async () => {
    sink = await new SmtpSink({ port }).start();
  };
  const smtpDown = async () => {
    await sink?.stop();
  };
  const query = (params: Record<string, unknown>) => plainToInstance(ListEmailsQueryDto, params);
  const inState = (id: string, state: EmailRow['state']) =>
    waitUntil(
      async () => {
        const row = await emailRow(app, id);
        return row?.state === state && row;
      },
      { description: `e-mail ${id} to be ${state}` },
    );
  const sendInvitation = (to: string, secret: boolean) =>
    app.get(Transactions).run(() =>
      app.get(MailService).send({
        to,
        template: 'staff-invitation',
        locale: 'fr',
        data: {
          name: 'Zoé',
          activationUrl: 'http://tessera.test/activate#token=t',
          expiresInDays: 7,
          invitedBy: 'Ann',
        },
        secretKeys: secret ? ['activationUrl'] : [],
      }),
    );
  const problemOf = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  };

  beforeAll(async () => {
    port = await freePort();
    await smtpUp();
    // 6 tries 500 ms apart: with SMTP down, an e-mail stays queued for 2.5 s, then fails
    app = await bootEmailWorker({ SMTP_URL: `smtp://127.0.0.1:${port}` }, fastEmailQueue(6, 500));
    log = app.get(EmailLogService);
  });

  afterAll(async () => {
    await app?.close();
    await smtpDown();
  });

  it('lists e-mails newest first, by page, filtered by state and recipient, without their data or secrets', async () => {
    const ann = uniqueAddress('Ann');
    const first = await sendReset(app, ann);
    await inState(first, 'sent');
    const second = await sendInvitation(ann, true);
    await inState(second, 'sent');
    await smtpDown();
    const third = await sendReset(app, ann);
    await inState(third, 'failed');
    await smtpUp();

    const page = await log.list(query({ recipient: ann.toUpperCase() }));
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(page.items.map((item) => item.id)).toEqual([third, second, first]);
    expect(page.items[0]).toEqual({
      id: third,
      recipient: ann,
      template: 'password-reset',
      locale: 'en',
      subject: 'Reset your Tessera password',
      state: 'failed',
      attempts: 6,
      lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
      nextAttemptAt: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.+Z$/),
      sentAt: null,
      attachments: [],
      // its one-time link was erased when it failed for good
      resendable: false,
    });
    expect(page.items[1]).toMatchObject({
      template: 'staff-invitation',
      locale: 'fr',
      subject: 'Ann vous invite sur Tessera',
      state: 'sent',
      attempts: 1,
      lastError: null,
      sentAt: expect.any(String),
      resendable: false,
    });
    expect(JSON.stringify(page)).not.toContain('token');

    const sent = await log.list(query({ recipient: ann, state: 'sent', page: '2', pageSize: '1' }));
    expect(sent).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(sent.items.map((item) => item.id)).toEqual([first]);
    expect((await log.list(query({ state: 'failed', recipient: ann }))).items.map((item) => item.id)).toEqual([third]);
    expect(await log.list(query({ recipient: uniqueAddress('nobody') }))).toMatchObject({ items: [], total: 0 });

    const all = await log.list(query({ pageSize: '200' }));
    const created = all.items.map((item) => item.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it('resends a failed e-mail with a new outbox message', async () => {
    await smtpDown();
    const to = uniqueAddress('resend-failed');
    const id = await sendInvitation(to, false);
    await inState(id, 'failed');
    await smtpUp();

    const queued = await log.resend(id);
    expect(queued).toMatchObject({ id, state: 'queued', lastError: null, attempts: 6, resendable: false });
    expect(await outboxRowsFor(app, id)).toHaveLength(2);

    const message = await sink!.waitFor((m) => m.to.includes(to), { description: 'the resent e-mail' });
    expect(message.text).toContain('http://tessera.test/activate#token=t');
    expect(await inState(id, 'sent')).toMatchObject({ attempts: 7, last_error: null });
  });

  it('erases the one-time link of an e-mail that failed for good, which then cannot be resent', async () => {
    await smtpDown();
    const id = await sendReset(app, uniqueAddress('link-failed'));
    const failed = await inState(id, 'failed');
    await smtpUp();
    expect(failed).toMatchObject({ secrets: null, secrets_erased_at: expect.any(Date) });
    expect(JSON.stringify(failed)).not.toContain('token=');

    const problem = await problemOf(log.resend(id));
    expect(problem).toMatchObject({ status: 409, type: 'urn:tessera:problem:email-link-erased' });
    expect(problem.detail).toMatch(/one-time link.*send a new password reset/);
  });

  it('gives one new send for two concurrent resends, and refuses to resend a queued e-mail', async () => {
    const to = uniqueAddress('concurrent');
    const id = await sendInvitation(to, false);
    await inState(id, 'sent');
    await sink!.waitFor((m) => m.to.includes(to));
    await smtpDown(); // keeps the resent e-mail queued while we look

    const outcomes = await Promise.allSettled([log.resend(id), log.resend(id)]);
    const accepted = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(accepted).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const problem = ((refused[0] as PromiseRejectedResult).reason as ProblemException).problem;
    expect(problem).toMatchObject({ status: 409, type: 'urn:tessera:problem:email-already-queued' });
    expect(await outboxRowsFor(app, id)).toHaveLength(2);

    expect(await problemOf(log.resend(id))).toMatchObject({ status: 409 });
    await smtpUp();
    await inState(id, 'sent');
    await waitUntil(() => sink!.messagesTo(to).length >= 1);
    expect(sink!.messagesTo(to)).toHaveLength(1); // this sink only saw the resend
  });

  it('answers 404 for an e-mail that does not exist', async () => {
    expect(await problemOf(log.resend(randomUUID()))).toMatchObject({
      status: 404,
      type: 'urn:tessera:problem:email-not-found',
    });
  });
});
