import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '@tessera/api';
import { createTesseraClient, type Schemas, type TesseraClient } from '@tessera/api-client';
import { generateCamt053 } from '@tessera/billing';
import { FakeStripe, solveCaptcha, type FakeStripeEvent } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { personApplication, postApplication } from '../support/applications';
import { forgetStripe, startFakeStripe, stopFakeStripe, stripeSignature } from '../support/fake-stripe';
import { pngFile } from '../support/fixtures';
import { linkTokenFromEmail } from '../support/mail';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Document = Schemas['BillingDocumentDto'];

const WEBHOOK_SECRET = 'whsec_e2e_tessera';

/**
 * Paying online, over HTTP: the portal's "Pay" makes a Checkout Session with the real Stripe SDK
 * (against a local server playing Stripe's API), and Stripe's signed webhook records the payment
 * once — the invoice paid, a pro-forma confirmed into its paid invoice, the subscription active —
 * and a refund takes it back. Bad signatures are refused with nothing stored.
 */
describe('Stripe Checkout and its webhook (API over HTTP, fake Stripe API)', () => {
  const fake = new FakeStripe('sk_test_e2e_tessera');
  let stack: Stack;
  let admin: TesseraClient;
  let adminToken: string;
  let approver: StaffSession;
  let planId: string;
  let database: DataSource;
  const marie = {} as { email: string; memberId: string; client: TesseraClient; token: string; invoice: Document };
  let paidSessionId: string;

  beforeAll(async () => {
    await startFakeStripe(fake, WEBHOOK_SECRET);
    stack = await startStack();
    database = stack.api.get(DataSource);
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    admin = authorized(stack, adminToken);
    approver = await activatedStaff(stack, admin, 'Stripe Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Online payers',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'online',
        name: 'Online membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        taxRateBps: 2100,
        approvalFlowId: flow.data!.id,
      },
    });
    planId = plan.data!.id;
  });
  afterAll(async () => {
    await stack.stop();
    await stopFakeStripe(fake);
  });

  /** Applies, is approved (subscribed, invoiced) and activates the portal account. */
  async function approvedMember(firstName: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const answer = await postApplication(stack.baseUrl, [
      personApplication(planId, { firstName, lastName: 'Curie', email }),
      { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
      { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
    ]);
    expect(answer.status).toBe(201);
    const applicationId = answer.body.id as string;
    await stack.intakesSettled();
    const request = await admin.GET('/api/v1/approvals', {
      params: { query: { subjectType: 'application', subjectId: applicationId } },
    });
    await approver.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: request.data!.items[0].id } },
      body: {},
    });
    const memberId = (await admin.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } })).data!
      .memberId!;
    const activation = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    const signedIn = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: activation.token, password: `Member-Password-${Date.now()}` },
    });
    const token = signedIn.data!.accessToken;
    return { email, memberId, token, client: authorized(stack, token) };
  }

  const documentOf = async (id: string) =>
    (await admin.GET('/api/v1/invoices/{id}', { params: { path: { id } } })).data!;
  const paymentsOf = async (memberId: string) =>
    (await admin.GET('/api/v1/payments', { params: { query: { memberId } } })).data!;
  const subscriptionOf = async (memberId: string) =>
    (await admin.GET('/api/v1/subscriptions', { params: { query: { memberId } } })).data!.items[0];
  const eventRow = async (id: string) =>
    (
      (await database.query(`SELECT outcome, processed_at, payment_id FROM stripe_events WHERE id = $1`, [id])) as {
        outcome: string;
        processed_at: Date | null;
        payment_id: string | null;
      }[]
    )[0];

  const eventDetail = async (id: string) =>
    ((await database.query(`SELECT detail FROM stripe_events WHERE id = $1`, [id])) as { detail: string }[])[0].detail;
  /** The receipt Stripe's payment is e-mailed with, its PDF attached. */
  const receiptEmail = (to: string, receiptNumber: string) =>
    stack.sink.waitFor((message) => message.to.includes(to) && message.subject.startsWith(`Receipt ${receiptNumber}`), {
      description: `the receipt ${receiptNumber} e-mailed to ${to}`,
      timeoutMs: 15_000,
    });
  /** The member clicks "Pay" on their document: the Checkout Session Stripe made for it. */
  async function checkoutFor(client: TesseraClient, documentId: string) {
    const checkout = await client.POST('/api/v1/me/invoices/{id}/checkout', { params: { path: { id: documentId } } });
    expect(checkout.response.status).toBe(200);
    return [...fake.sessions.values()].find((session) => session.url === checkout.data!.url)!;
  }

  /** Posts a body to the webhook as Stripe would, signed unless a signature is given. */
  async function deliver(body: string, signature?: string | null) {
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    const header = signature === undefined ? sign(body) : signature;
    if (header !== null) headers['stripe-signature'] = header;
    const response = await fetch(`${stack.baseUrl}/api/v1/webhooks/stripe`, { method: 'POST', headers, body });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  }
  const sign = (payload: string, timestamp?: number) => stripeSignature(payload, WEBHOOK_SECRET, timestamp);
  const send = (event: FakeStripeEvent) => deliver(JSON.stringify(event));

  it('"Pay" on an open invoice makes one Checkout Session for what is due, linked to the document', async () => {
    Object.assign(marie, await approvedMember('Marie'));
    const own = (await marie.client.GET('/api/v1/me/invoices')).data!;
    expect(own).toMatchObject({ total: 1, onlinePayment: true, items: [{ kind: 'invoice', state: 'open' }] });
    marie.invoice = await documentOf(own.items[0].id);
    expect(marie.invoice.amountDue).toEqual({ amount: 7260, currency: 'EUR' });

    const checkout = () =>
      marie.client.POST('/api/v1/me/invoices/{id}/checkout', { params: { path: { id: marie.invoice.id } } });
    const first = await checkout();
    expect(first.response.status).toBe(200);
    expect(first.data!.url).toMatch(new RegExp(`^${fake.baseUrl}/pay/cs_test_`));
    // A double click: the same session (Stripe's idempotency key), not a second one.
    expect((await checkout()).data!.url).toBe(first.data!.url);
    const sessions = [...fake.sessions.values()].filter((session) => session.metadata.documentId === marie.invoice.id);
    expect(sessions).toHaveLength(1);
    const [session] = sessions;
    paidSessionId = session.id;
    expect(session).toMatchObject({
      mode: 'payment',
      amount_total: 7260,
      currency: 'eur',
      customer_email: marie.email,
      client_reference_id: marie.invoice.id,
      metadata: { documentId: marie.invoice.id, memberId: marie.memberId, number: marie.invoice.number },
      success_url: `http://tessera.test/portal/invoices?paid=${marie.invoice.id}`,
      cancel_url: `http://tessera.test/portal/invoices?cancelled=${marie.invoice.id}`,
      line_items: [{ name: marie.invoice.number, amount: 7260, currency: 'eur', quantity: 1 }],
    });
  });

  it('only on their own documents with something due', async () => {
    const someoneElses = await marie.client.POST('/api/v1/me/invoices/{id}/checkout', {
      params: { path: { id: '5b0c4c1e-8a43-4d5e-9a37-0c7f1f0b2f11' } },
    });
    expect(someoneElses.response.status).toBe(404);
    const asStaff = await admin.POST('/api/v1/me/invoices/{id}/checkout', {
      params: { path: { id: marie.invoice.id } },
    });
    expect(asStaff.response.status).toBe(403);
  });

  it('a bad, missing or stale signature is a 400 and stores nothing', async () => {
    fake.pay(paidSessionId, { payer: 'Marie Curie' });
    const event = fake.sessionEvent(paidSessionId);
    const payload = JSON.stringify(event);
    const forged = payload.replace('"amount_total":7260', '"amount_total":1');
    const refusals = [
      await deliver(forged, sign(payload)),
      await deliver(payload, null),
      await deliver(payload, sign(payload, Math.floor(Date.now() / 1000) - 301)),
      await deliver(payload, sign(payload).replace(/v1=\w+/, 'v1=' + '0'.repeat(64))),
      await deliver('{"id":"evt_x","type":"checkout.session.completed"}', 't=1,v1=abc'),
    ];
    for (const refusal of refusals)
      expect({ status: refusal.status, type: refusal.type, problem: (refusal.body as { type?: string }).type }).toEqual(
        {
          status: 400,
          type: 'application/problem+json; charset=utf-8',
          problem: 'urn:tessera:problem:stripe-signature-invalid',
        },
      );
    expect(await eventRow(event.id)).toBeUndefined();
    expect((await paymentsOf(marie.memberId)).total).toBe(0);
    expect((await documentOf(marie.invoice.id)).state).toBe('open');
  });

  it('the signed checkout.session.completed records the payment: invoice paid, subscription active, in /me/payments', async () => {
    const event = fake.sessionEvent(paidSessionId);
    const payload = JSON.stringify(event);
    const header = sign(payload);
    const answer = await deliver(payload, header);
    expect(answer).toMatchObject({
      status: 200,
      body: { received: true, duplicate: false, outcome: 'payment-recorded' },
    });

    expect(await documentOf(marie.invoice.id)).toMatchObject({
      state: 'paid',
      amountDue: { amount: 0, currency: 'EUR' },
    });
    const payments = await paymentsOf(marie.memberId);
    expect(payments.total).toBe(1);
    const [payment] = payments.items;
    expect(payment).toMatchObject({
      method: 'stripe',
      source: 'stripe',
      amount: { amount: 7260, currency: 'EUR' },
      unallocated: { amount: 0, currency: 'EUR' },
      payer: 'Marie Curie',
      reference: fake.sessions.get(paidSessionId)!.payment_intent,
      allocations: [
        {
          documentId: marie.invoice.id,
          number: marie.invoice.number,
          amount: { amount: 7260, currency: 'EUR' },
          reversed: false,
        },
      ],
      reversedAt: null,
    });
    expect(await eventRow(event.id)).toMatchObject({ outcome: 'payment-recorded', payment_id: payment.id });
    expect((await subscriptionOf(marie.memberId)).state).toBe('active');
    const mine = (await marie.client.GET('/api/v1/me/payments')).data!;
    expect(mine.items.map((item) => [item.id, item.receiptNumber])).toEqual([[payment.id, payment.receiptNumber]]);
    const receipt = await receiptEmail(marie.email, payment.receiptNumber);
    expect(receipt.text).toContain('(Online card payment)');
    expect(receipt.attachments).toMatchObject([
      { filename: `${payment.receiptNumber}.pdf`, contentType: 'application/pdf' },
    ]);

    // Stripe delivering the same event again (a retry, or a replay of the captured request) changes nothing.
    const again = await deliver(payload, header);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, outcome: 'payment-recorded' } });
    // Another event about the same session (async_payment_succeeded after a delayed method) neither.
    const later = await send(fake.sessionEvent(paidSessionId, 'checkout.session.async_payment_succeeded'));
    expect(later).toMatchObject({ status: 200, body: { duplicate: false, outcome: 'already-recorded' } });
    expect((await paymentsOf(marie.memberId)).total).toBe(1);
    expect((await documentOf(marie.invoice.id)).state).toBe('paid');

    // Paid: nothing more to pay online.
    const nothingDue = await marie.client.POST('/api/v1/me/invoices/{id}/checkout', {
      params: { path: { id: marie.invoice.id } },
    });
    expect(nothingDue.response.status).toBe(409);
  });

  it('a pro-forma paid online is confirmed into its invoice, numbered and paid, the receipt e-mailed, the subscription renewed', async () => {
    const subscription = await subscriptionOf(marie.memberId);
    const advanced = await admin.POST('/api/v1/subscriptions/{id}/advance-pro-formas', {
      params: { path: { id: subscription.id } },
      body: { periods: 1 },
    });
    expect(advanced.data).toMatchObject({ issued: 1 });
    const proForma = (
      await admin.GET('/api/v1/invoices', { params: { query: { memberId: marie.memberId, kind: 'pro-forma' } } })
    ).data!.items[0];
    expect(proForma).toMatchObject({ state: 'open', amountDue: { amount: 7260, currency: 'EUR' } });

    const checkout = await marie.client.POST('/api/v1/me/invoices/{id}/checkout', {
      params: { path: { id: proForma.id } },
    });
    expect(checkout.response.status).toBe(200);
    const session = [...fake.sessions.values()].find((candidate) => candidate.metadata.documentId === proForma.id)!;
    expect(session).toMatchObject({ amount_total: 7260, metadata: { number: proForma.number } });
    fake.pay(session.id);
    expect(await send(fake.sessionEvent(session.id))).toMatchObject({
      status: 200,
      body: { outcome: 'payment-recorded' },
    });

    const confirmed = await documentOf(proForma.id);
    expect(confirmed.state).toBe('confirmed');
    const link = confirmed.related.find((related) => related.relation === 'confirmed-as')!;
    expect(link.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(await documentOf(link.id)).toMatchObject({ kind: 'invoice', state: 'paid' });
    const payments = await paymentsOf(marie.memberId);
    expect(payments.total).toBe(2);
    const paid = payments.items.find((payment) => payment.allocations.some((a) => a.documentId === link.id))!;
    expect(paid).toMatchObject({ method: 'stripe', amount: { amount: 7260, currency: 'EUR' } });
    expect((await receiptEmail(marie.email, paid.receiptNumber)).attachments).toHaveLength(1);
    // The subscription runs on into the period the pro-forma was for.
    const renewed = await subscriptionOf(marie.memberId);
    expect(renewed.state).toBe('active');
    expect(renewed.currentPeriod.end).toBe(proForma.period!.end);
    expect(renewed.currentPeriod.end > subscription.currentPeriod.end).toBe(true);
  });

  it('a capital release request paid online brings the member back to My shares, a cooperator', async () => {
    const shareClass = await admin.POST('/api/v1/share-classes', {
      body: {
        code: 'B',
        name: 'Supporter shares',
        unitPrice: { amount: 2500, currency: 'EUR' },
        minShares: 1,
        holderKinds: ['individual'],
        makesMember: true,
        planId,
      },
    });
    const subscribed = await marie.client.POST('/api/v1/me/share-subscriptions', {
      body: { shareClassId: shareClass.data!.id, quantity: 2, iban: 'BE71096123456769', locale: 'en', consent: true },
    });
    expect(subscribed.response.status).toBe(201);
    await admin.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: subscribed.data!.approvalRequestId! } },
      body: {},
    });
    const [release] = (await marie.client.GET('/api/v1/me/shares')).data!.own!.capitalReleaseRequests;
    expect(release).toMatchObject({ state: 'open', amountDue: { amount: 5000 } });

    const checkout = await marie.client.POST('/api/v1/me/invoices/{id}/checkout', {
      params: { path: { id: release.id } },
    });
    expect(checkout.response.status).toBe(200);
    const session = [...fake.sessions.values()].find((candidate) => candidate.metadata.documentId === release.id)!;
    expect(session).toMatchObject({
      amount_total: 5000,
      metadata: { number: release.number },
      success_url: `http://tessera.test/portal/shares?paid=${release.id}`,
      cancel_url: `http://tessera.test/portal/shares?cancelled=${release.id}`,
    });
    fake.pay(session.id);
    expect(await send(fake.sessionEvent(session.id))).toMatchObject({ body: { outcome: 'payment-recorded' } });
    expect((await marie.client.GET('/api/v1/me/shares')).data!.own).toMatchObject({
      cooperatorNumber: expect.stringMatching(/^C-\d{6}$/),
      holdings: [{ quantity: 2, shareNumbers: '1–2' }],
      capitalReleaseRequests: [{ state: 'paid' }],
    });
  });

  it('charge.refunded in full reverses the payment and the invoice is due again; a partial refund is left to finance', async () => {
    const partial = fake.refundEvent(paidSessionId, 1000);
    expect(await send(partial)).toMatchObject({ status: 200, body: { outcome: 'partial-refund' } });
    expect((await documentOf(marie.invoice.id)).state).toBe('paid');

    const refund = fake.refundEvent(paidSessionId);
    expect(await send(refund)).toMatchObject({ status: 200, body: { outcome: 'payment-reversed' } });
    expect(await documentOf(marie.invoice.id)).toMatchObject({
      state: 'open',
      amountDue: { amount: 7260, currency: 'EUR' },
    });
    const reversed = (await paymentsOf(marie.memberId)).items.find(
      (payment) => payment.reference === fake.sessions.get(paidSessionId)!.payment_intent,
    )!;
    expect(reversed).toMatchObject({
      reversedAt: expect.any(String),
      reversalReason: expect.stringContaining('Refunded in Stripe'),
    });
    // Stripe tells again: nothing more to take back.
    expect(await send(fake.refundEvent(paidSessionId))).toMatchObject({
      status: 200,
      body: { outcome: 'already-reversed' },
    });
  });

  it('a delayed payment that fails records nothing; one that succeeds is checked against the document', async () => {
    const pierre = await approvedMember('Pierre');
    const [invoice] = (await pierre.client.GET('/api/v1/me/invoices')).data!.items;
    const session = await checkoutFor(pierre.client, invoice.id);
    fake.pay(session.id, { paymentStatus: 'unpaid' });
    expect(await send(fake.sessionEvent(session.id))).toMatchObject({
      status: 200,
      body: { outcome: 'awaiting-payment' },
    });
    const failed = fake.sessionEvent(session.id, 'checkout.session.async_payment_failed');
    expect(await send(failed)).toMatchObject({ status: 200, body: { duplicate: false, outcome: 'payment-failed' } });
    expect(await eventRow(failed.id)).toMatchObject({ outcome: 'payment-failed', payment_id: null });
    expect((await paymentsOf(pierre.memberId)).total).toBe(0);
    expect(await documentOf(invoice.id)).toMatchObject({ state: 'open', amountDue: { amount: 7260 } });

    // Paid later, but less than is due (the session was edited in Stripe): allocated as far as it goes, noted.
    fake.sessions.get(session.id)!.amount_total = 5000;
    const short = fake.sessionEvent(session.id, 'checkout.session.async_payment_succeeded');
    expect(await send(short)).toMatchObject({ status: 200, body: { outcome: 'payment-recorded' } });
    expect(await documentOf(invoice.id)).toMatchObject({ state: 'partially-paid', amountDue: { amount: 2260 } });
    expect(await eventDetail(short.id)).toContain(`paid 5000 EUR, 7260 was due on ${invoice.number}`);

    // Another currency than the document's: all of it the member's credit, nothing allocated.
    const dollars = fake.event('checkout.session.completed', {
      ...fake.sessions.get(session.id)!,
      id: `${session.id}_usd`,
      currency: 'usd',
      amount_total: 2260,
      payment_status: 'paid',
      payment_intent: 'pi_test_usd',
    });
    expect(await send(dollars)).toMatchObject({ status: 200, body: { outcome: 'credit-recorded' } });
    expect(await eventDetail(dollars.id)).toContain('was paid in USD');
    expect(await documentOf(invoice.id)).toMatchObject({ state: 'partially-paid', amountDue: { amount: 2260 } });
    const balance = await admin.GET('/api/v1/members/{id}/balance', { params: { path: { id: pierre.memberId } } });
    expect(balance.data!.credit).toEqual([{ amount: 2260, currency: 'USD' }]);
  });

  it('the webhook and a bank line paying the same invoice at once: one settles it, the other is credit', async () => {
    const jeanne = await approvedMember('Jeanne');
    const [invoice] = (await jeanne.client.GET('/api/v1/me/invoices')).data!.items;
    const session = await checkoutFor(jeanne.client, invoice.id);
    fake.pay(session.id);
    const camt = generateCamt053([{ reference: invoice.paymentReference!, amount: 7260 }], {
      statementId: 'STRIPE-RACE-001',
      bookingDate: '2026-03-02',
    });
    const form = new FormData();
    form.set('format', 'camt053');
    form.set('file', new Blob([camt], { type: 'application/xml' }), 'statement.xml');
    const [webhook, imported] = await Promise.all([
      send(fake.sessionEvent(session.id)),
      fetch(`${stack.baseUrl}/api/v1/bank-statements`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
        body: form,
      }).then(async (response) => ({ status: response.status, body: await response.json() })),
    ]);
    expect(webhook.status).toBe(200);
    expect(imported).toMatchObject({ status: 201, body: { matched: 1 } });

    expect(await documentOf(invoice.id)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    const payments = (await paymentsOf(jeanne.memberId)).items;
    expect(payments.map((payment) => payment.source).sort()).toEqual(['bank', 'stripe']);
    expect(payments.map((payment) => payment.unallocated.amount).sort((a, b) => a - b)).toEqual([0, 7260]);
    const balance = await admin.GET('/api/v1/members/{id}/balance', { params: { path: { id: jeanne.memberId } } });
    expect(balance.data!.credit).toEqual([{ amount: 7260, currency: 'EUR' }]);
  });

  it('events it does not act on are recorded and ignored, large ones included (up to 256 KiB without credentials)', async () => {
    const event = fake.event('customer.updated', { id: 'cus_1', metadata: { notes: 'x'.repeat(40 * 1024) } });
    expect(await send(event)).toMatchObject({ status: 200, body: { duplicate: false, outcome: 'ignored' } });
    expect(await eventRow(event.id)).toMatchObject({ outcome: 'ignored', processed_at: expect.any(Date) });
    const huge = fake.event('customer.updated', { id: 'cus_1', metadata: { notes: 'x'.repeat(300 * 1024) } });
    expect((await send(huge)).status).toBe(413);
  });

  describe('without Stripe configured', () => {
    let bare: NestFastifyApplication;
    let asMarie: TesseraClient;
    let bareUrl: string;

    beforeAll(async () => {
      forgetStripe();
      bare = await createApiApp({ logger: false });
      await bare.listen({ port: 0, host: '127.0.0.1' });
      const address = bare.getHttpServer().address();
      bareUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      asMarie = createTesseraClient({ baseUrl: bareUrl, headers: { Authorization: `Bearer ${marie.token}` } });
    });
    afterAll(() => bare.close());

    it('offers no online payment: checkout and the webhook are a 409', async () => {
      expect((await asMarie.GET('/api/v1/me/invoices')).data).toMatchObject({ onlinePayment: false });
      const checkout = await asMarie.POST('/api/v1/me/invoices/{id}/checkout', {
        params: { path: { id: marie.invoice.id } },
      });
      expect(checkout.response.status).toBe(409);
      expect(checkout.error).toMatchObject({ type: 'urn:tessera:problem:online-payment-unavailable' });
      const payload = JSON.stringify(fake.event('customer.updated', { id: 'cus_1' }));
      const webhook = await fetch(`${bareUrl}/api/v1/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': sign(payload) },
        body: payload,
      });
      expect(webhook.status).toBe(409);
    });
  });
});
