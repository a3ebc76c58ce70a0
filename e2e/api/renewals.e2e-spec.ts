import { randomUUID } from 'node:crypto';
import type { Schemas, TesseraClient } from '@tessera/api-client';
import { solveCaptcha, waitUntil, type SinkMessage } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import { linkTokenFromEmail } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Summary = Schemas['BillingDocumentSummaryDto'];
type Period = Schemas['SubscriptionPeriodDto'];

/** A local date `days` after another (YYYY-MM-DD, no time zone involved). */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The same day a year later, 29 February giving 28 February (month-end sticky). */
function nextYear(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const last = new Date(Date.UTC(year + 1, month, 0)).getUTCDate();
  return `${year + 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/** The yearly period after `period`. */
const following = (period: Period): Period => {
  const start = addDays(period.end, 1);
  return { start, end: addDays(nextYear(start), -1) };
};

/**
 * Renewals over HTTP: a member approved on a yearly plan who has paid is renewed by a run as of
 * 20 days before their period ends — one pro-forma, e-mailed with its PDF; the officer confirms
 * it into an invoice; the same run again issues nothing; paid, it moves the subscription on. The
 * member pays two years ahead from the portal, declines the first ("I will not renew") and undoes
 * it. Members decline only their own; bulk confirmation says what it confirmed and what not.
 */
describe('renewals (API over HTTP, worker, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let approver: StaffSession;
  let olga: StaffSession;
  let fiona: StaffSession;
  let planId: string;

  /** Marie: approved, paid, renewed; her client once she has activated her account. */
  const marie = {} as {
    email: string;
    memberId: string;
    client: TesseraClient;
    firstInvoice: Summary;
    renewal: Summary;
    renewalInvoiceId: string;
  };

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    approver = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    fiona = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    planId = await createYearlyPlan(admin, {
      code: 'renewing',
      name: 'Individual membership',
      approvalFlowId: flow.data!.id,
    });
  });
  afterAll(() => stack.stop());

  /** Applies on the public form and has the approver approve: resolves to the new member's id. */
  async function applyAndApprove(firstName: string, email: string): Promise<string> {
    const answer = await postApplication(stack.baseUrl, [
      personApplication(planId, { firstName, lastName: 'Curie', email }),
      { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
      { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
    ]);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 201, errors: undefined });
    const application = answer.body as { id: string };
    await stack.intakesSettled();
    const request = await admin.GET('/api/v1/approvals', {
      params: { query: { subjectType: 'application', subjectId: application.id } },
    });
    const approved = await approver.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: request.data!.items[0].id } },
      body: {},
    });
    expect(approved.data).toMatchObject({ status: 'approved' });
    const detail = await admin.GET('/api/v1/applications/{id}', { params: { path: { id: application.id } } });
    return detail.data!.memberId!;
  }

  /** Finance records a bank transfer paying `document` in full. */
  async function pay(memberId: string, document: Summary): Promise<void> {
    const paid = await fiona.client.POST('/api/v1/payments', {
      body: {
        memberId,
        amount: document.amountDue,
        method: 'bank-transfer',
        date: document.issueDate,
        reference: document.paymentReference ?? undefined,
        allocations: [{ documentId: document.id, amount: document.amountDue.amount }],
      },
    });
    expect(paid.response.status).toBe(201);
  }

  /** Starts a run as of a date and waits for the worker to finish it. */
  async function run(asOf: string): Promise<Schemas['RenewalRunDto']> {
    const started = await olga.client.POST('/api/v1/renewal-runs', { body: { asOf } });
    expect(started.response.status).toBe(202);
    expect(started.data).toMatchObject({ asOf, trigger: 'staff', startedByName: 'Olga Officer' });
    const id = started.data!.id;
    return waitUntil(
      async () => {
        const got = (await olga.client.GET('/api/v1/renewal-runs/{id}', { params: { path: { id } } })).data!;
        if (got.state === 'failed') throw new Error(`The run failed: ${got.error}`);
        return got.state === 'done' && got;
      },
      { timeoutMs: 20_000, description: `renewal run ${id} to be done` },
    );
  }

  const mySubscription = async (client: TesseraClient) =>
    (await client.GET('/api/v1/me/subscription')).data!.subscription!;
  const myDocuments = async (client: TesseraClient) => (await client.GET('/api/v1/me/invoices')).data!.items;
  const mailTo = (to: string, subject: RegExp | string): Promise<SinkMessage> =>
    stack.sink.waitFor(
      (message) =>
        message.to.includes(to) &&
        (typeof subject === 'string' ? message.subject === subject : subject.test(message.subject)),
      { description: `the e-mail "${subject}" to ${to}`, timeoutMs: 20_000 },
    );

  it('renews a paid yearly member 20 days before the period ends: one pro-forma, e-mailed with its PDF, confirmed into an invoice', async () => {
    marie.email = uniqueEmail('marie');
    marie.memberId = await applyAndApprove('Marie', marie.email);
    const activation = await linkTokenFromEmail(stack.sink, marie.email, /Activate your member account/, '/activate');
    const session = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: activation.token, password: `Member-Password-${Date.now()}` },
    });
    marie.client = authorized(stack, session.data!.accessToken);
    const [firstInvoice] = await myDocuments(marie.client);
    expect(firstInvoice).toMatchObject({ kind: 'invoice', state: 'open' });
    await pay(marie.memberId, firstInvoice);
    marie.firstInvoice = firstInvoice;
    const subscription = await mySubscription(marie.client);
    expect(subscription.state).toBe('active');
    const next = following(subscription.currentPeriod);

    // Previewed, then run as of 20 days before the period ends (the plan renews 30 days ahead).
    const asOf = addDays(subscription.currentPeriod.end, -20);
    const preview = await olga.client.GET('/api/v1/renewal-runs/preview', { params: { query: { asOf } } });
    expect(preview.data).toMatchObject({ asOf, due: 1, byPlan: [{ planId, count: 1, currency: 'EUR', gross: 6000 }] });
    const done = await run(asOf);
    expect(done).toMatchObject({ state: 'done', issued: 1, totals: [{ currency: 'EUR', gross: 6000, count: 1 }] });

    const proForma = (await myDocuments(marie.client)).find((document) => document.kind === 'pro-forma');
    expect(proForma).toMatchObject({
      number: expect.stringMatching(/^PRO-\d{4}-000001$/),
      state: 'open',
      period: next,
      totals: { gross: { amount: 6000, currency: 'EUR' } },
      paymentReference: expect.any(String),
    });
    const number = proForma!.number;
    const announcement = await mailTo(marie.email, `Pro-forma invoice ${number}`);
    expect(announcement.attachments).toEqual([
      expect.objectContaining({ filename: `${number}.pdf`, contentType: 'application/pdf' }),
    ]);
    expect(announcement.text).toContain(proForma!.paymentReference!);
    expect(await pdfText(announcement.attachments[0].content)).toContain(number);

    // The officer confirms it: an invoice of its own number, related to the pro-forma.
    const confirmed = await olga.client.POST('/api/v1/invoices/{id}/confirm', {
      params: { path: { id: proForma!.id } },
    });
    expect(confirmed.response.status).toBe(200);
    expect(confirmed.data).toMatchObject({
      kind: 'invoice',
      number: expect.stringMatching(/^INV-\d{4}-\d{6}$/),
      state: 'open',
      period: next,
      related: [expect.objectContaining({ number, relation: 'confirms' })],
    });
    const pro = await olga.client.GET('/api/v1/invoices/{id}', { params: { path: { id: proForma!.id } } });
    expect(pro.data).toMatchObject({ state: 'confirmed' });
    marie.renewal = proForma!;
    marie.renewalInvoiceId = confirmed.data!.id;

    // The same run again finds nothing to issue, and e-mails nobody again.
    expect(await run(asOf)).toMatchObject({ state: 'done', issued: 0, examined: 0 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.sink.messagesTo(marie.email).filter((m) => m.subject === `Pro-forma invoice ${number}`)).toHaveLength(
      1,
    );

    // Paid, the renewal invoice moves the subscription into the next period.
    const invoice = (await myDocuments(marie.client)).find((document) => document.id === confirmed.data!.id)!;
    await pay(marie.memberId, invoice);
    expect((await mySubscription(marie.client)).currentPeriod).toEqual(next);
  });

  it('lets the member pay two years ahead, decline the first renewal and take it back', async () => {
    const current = (await mySubscription(marie.client)).currentPeriod;
    const ahead = await marie.client.POST('/api/v1/me/subscription/advance-pro-formas', { body: { periods: 2 } });
    expect(ahead.response.status).toBe(200);
    const periods = [following(current), following(following(current))];
    expect(ahead.data).toEqual({ periods, issued: 2 });
    const proFormas = (await myDocuments(marie.client))
      .filter((document) => document.kind === 'pro-forma' && document.state === 'open')
      .sort((a, b) => a.period!.start.localeCompare(b.period!.start));
    expect(proFormas.map((document) => document.period)).toEqual(periods);
    for (const document of proFormas) await mailTo(marie.email, `Pro-forma invoice ${document.number}`);

    // "I will not renew": the membership ends with the current period; she and the officers are told.
    const [first] = proFormas;
    const declined = await marie.client.POST('/api/v1/me/invoices/{id}/decline', {
      params: { path: { id: first.id } },
      body: { reason: 'Moving abroad' },
    });
    expect(declined.response.status).toBe(200);
    expect(declined.data).toMatchObject({ id: first.id, state: 'declined' });
    expect(await mySubscription(marie.client)).toMatchObject({ state: 'active', endsOn: current.end });
    expect((await mailTo(marie.email, 'We have noted you will not renew')).text).toContain('Moving abroad');
    expect((await mailTo(olga.email, 'Marie Curie will not renew')).text).toContain(first.number);

    // Until the period ends she can take it back: the membership renews again.
    const reopened = await marie.client.POST('/api/v1/me/invoices/{id}/reopen', { params: { path: { id: first.id } } });
    expect(reopened.data).toMatchObject({ id: first.id, state: 'open' });
    expect(await mySubscription(marie.client)).toMatchObject({ state: 'active', endsOn: null });
    await mailTo(marie.email, `Renewal back on: ${first.number}`);
  });

  it('keeps members to their own pro-formas, and confirms in bulk what it can', async () => {
    const pierre = await applyAndApprove('Pierre', uniqueEmail('pierre'));
    const [subscription] = (await olga.client.GET('/api/v1/subscriptions', { params: { query: { memberId: pierre } } }))
      .data!.items;
    const ahead = await olga.client.POST('/api/v1/subscriptions/{id}/advance-pro-formas', {
      params: { path: { id: subscription.id } },
      body: { periods: 1 },
    });
    expect(ahead.data).toMatchObject({ issued: 1 });
    const documents = (await olga.client.GET('/api/v1/invoices', { params: { query: { memberId: pierre } } })).data!
      .items;
    const pierresProForma = documents.find((document) => document.kind === 'pro-forma')!;

    // Another member's pro-forma does not exist for Marie: 404, and it stays open.
    for (const action of ['decline', 'reopen'] as const) {
      const tried = await marie.client.POST(`/api/v1/me/invoices/{id}/${action}`, {
        params: { path: { id: pierresProForma.id } },
        body: {},
      });
      expect(tried.response.status).toBe(404);
    }
    expect(
      (await olga.client.GET('/api/v1/invoices/{id}', { params: { path: { id: pierresProForma.id } } })).data!.state,
    ).toBe('open');

    // Bulk, in the order asked: Pierre's is confirmed; Marie's renewal already was (its invoice
    // again, not a second one); an invoice is not a pro-forma (409); an unknown id is not found (404).
    const unknown = randomUUID();
    const bulk = await olga.client.POST('/api/v1/invoices/confirm', {
      body: { ids: [pierresProForma.id, marie.renewal.id, marie.firstInvoice.id, unknown] },
    });
    expect(bulk.response.status).toBe(200);
    expect(bulk.data!.invoices).toEqual([
      expect.objectContaining({
        kind: 'invoice',
        state: 'open',
        member: expect.objectContaining({ id: pierre }),
        related: [expect.objectContaining({ id: pierresProForma.id, relation: 'confirms' })],
      }),
      expect.objectContaining({ id: marie.renewalInvoiceId, state: 'paid' }),
    ]);
    expect(bulk.data!.refused).toEqual([
      { id: marie.firstInvoice.id, status: 409, detail: expect.stringContaining(marie.firstInvoice.number) },
      { id: unknown, status: 404, detail: expect.any(String) },
    ]);
  });
});
