import { createHash } from 'node:crypto';
import { createTesseraClient, type Schemas, type TesseraClient } from '@tessera/api-client';
import { solveCaptcha, waitUntil, type SinkMessage } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import { linkTokenFromEmail } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Document = Schemas['BillingDocumentDto'];

const IBAN = 'BE71 0961 2345 6769';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

/**
 * The second half of a member's life over HTTP: an approved application or a confirmed order
 * subscribes the member and invoices them in the same transaction; the worker renders the PDF
 * once and e-mails it; staff credit, end and subscribe; members see only their own documents;
 * API keys reach only what their scopes name.
 */
describe('subscriptions and invoices (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let adminToken: string;
  let approver: StaffSession;
  let flowId: string;
  let yearlyPlanId: string;
  let freePlanId: string;
  let workshopPlanId: string;
  let shop: TesseraClient;

  /** Marie: approved on the €60 + 21 % plan, pending, her first invoice open. */
  const marie = {} as { email: string; memberId: string; invoice: Document; client: TesseraClient; token: string };
  /** Pierre: approved on the free plan, active at once. */
  const pierre = {} as { email: string; memberId: string; invoice: Document; client: TesseraClient; token: string };
  /** Chris: a shop's customer, whose confirmed order of two lines is invoiced. */
  const chris = {} as { email: string; memberId: string; invoice: Document; subscriptionId: string };

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    admin = authorized(stack, adminToken);
    const settings = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Cercle Photo de Bruxelles',
        contactEmail: 'membres@cercle.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        legalName: 'Cercle Photo de Bruxelles ASBL',
        vatNumber: 'BE0123456749',
        iban: IBAN.toLowerCase(),
        bic: 'GKCCBEBB',
        paymentTermsDays: 14,
        timeZone: 'Europe/Brussels',
        referenceScheme: 'rf',
        currency: 'EUR',
        renewalTime: '02:00',
        statusSweepTime: '03:00',
      },
    });
    expect(settings.response.status).toBe(200);
    approver = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    flowId = flow.data!.id;
    yearlyPlanId = await createPlan('yearly', 'Individual membership', 6000, 2100);
    freePlanId = await createPlan('student', 'Student membership', 0, 0);
    workshopPlanId = await createPlan('workshop', 'Photo workshop', 1500, 600);
    const key = await admin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['orders:write'] } });
    shop = keyClient(key.data!.key);
  });
  afterAll(() => stack.stop());

  async function createPlan(code: string, name: string, amount: number, taxRateBps: number): Promise<string> {
    const created = await admin.POST('/api/v1/plans', {
      body: {
        code,
        name,
        applicantKinds: ['individual'],
        price: { amount, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        taxRateBps,
        approvalFlowId: flowId,
      },
    });
    expect(created.response.status).toBe(201);
    return created.data!.id;
  }

  const keyClient = (key: string) => createTesseraClient({ baseUrl: stack.baseUrl, headers: { 'X-Api-Key': key } });

  /** Applies on the public form and has the approver approve: resolves to the new member. */
  async function applyAndApprove(planId: string, firstName: string, email: string) {
    const answer = await postApplication(stack.baseUrl, [
      personApplication(planId, { firstName, lastName: 'Curie', email }),
      { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
      { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
    ]);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 201, errors: undefined });
    const application = answer.body as { id: string; reference: string };
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
    return { reference: application.reference, memberId: detail.data!.memberId! };
  }

  /** The member activates the account the approval or order made, and is signed in. */
  async function activate(email: string): Promise<{ client: TesseraClient; token: string }> {
    const activation = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    const session = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: activation.token, password: `Member-Password-${Date.now()}` },
    });
    expect(session.response.status).toBe(200);
    const token = session.data!.accessToken;
    return { client: authorized(stack, token), token };
  }

  const subscriptionsOf = async (memberId: string) =>
    (await admin.GET('/api/v1/subscriptions', { params: { query: { memberId } } })).data!;
  const invoicesOf = async (memberId: string) =>
    (await admin.GET('/api/v1/invoices', { params: { query: { memberId } } })).data!;
  const documentOf = async (id: string) =>
    (await admin.GET('/api/v1/invoices/{id}', { params: { path: { id } } })).data!;
  const memberOf = async (id: string) => (await admin.GET('/api/v1/members/{id}', { params: { path: { id } } })).data!;

  /** GET with a bearer token or an API key, as raw bytes (PDFs). */
  async function fetchBytes(path: string, auth: { token?: string; key?: string } = { token: adminToken }) {
    const response = await fetch(`${stack.baseUrl}/api/v1${path}`, {
      headers: auth.token ? { Authorization: `Bearer ${auth.token}` } : { 'X-Api-Key': auth.key! },
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  /** The announcement of a document: an e-mail to `to` titled by its number, with its PDF. */
  const announcementOf = (to: string, subject: string): Promise<SinkMessage> =>
    stack.sink.waitFor((message) => message.to.includes(to) && message.subject === subject, {
      description: `the e-mail "${subject}" to ${to}`,
      timeoutMs: 15_000,
    });

  it('approving an application subscribes the member (pending) and issues an open invoice with its PDF, e-mailed once', async () => {
    marie.email = uniqueEmail('marie');
    const { reference, memberId } = await applyAndApprove(yearlyPlanId, 'Marie', marie.email);
    marie.memberId = memberId;
    expect((await memberOf(memberId)).status).toBe('upcoming');

    const subscriptions = await subscriptionsOf(memberId);
    expect(subscriptions.total).toBe(1);
    const [subscription] = subscriptions.items;
    const start = subscription.startDate;
    expect(subscription).toMatchObject({
      member: { id: memberId, name: 'Marie Curie' },
      plan: { id: yearlyPlanId, name: 'Individual membership' },
      state: 'pending',
      origin: { type: 'application', reference },
      currentPeriod: { start, end: addDays(nextYear(start), -1) },
      nextRenewalDate: nextYear(start),
      endsOn: null,
    });
    const history = (await admin.GET('/api/v1/subscriptions/{id}', { params: { path: { id: subscription.id } } })).data!
      .history;
    // The approver whose decision completed the approval made it.
    expect(history).toEqual([
      expect.objectContaining({
        fromState: null,
        toState: 'pending',
        reason: `Application ${reference} approved`,
        actorName: 'Ann Approver',
      }),
    ]);

    // One open invoice: €60 net, 21 % tax, the first number of the year, an RF reference, due in 14 days.
    const invoices = await invoicesOf(memberId);
    expect(invoices).toMatchObject({ total: 1, totals: [{ currency: 'EUR', gross: 7260, amountDue: 7260 }] });
    const number = `INV-${start.slice(0, 4)}-000001`;
    expect(invoices.items[0]).toMatchObject({
      kind: 'invoice',
      number,
      state: 'open',
      member: { id: memberId, name: 'Marie Curie' },
      issueDate: start,
      dueDate: addDays(start, 14),
      totals: {
        net: { amount: 6000, currency: 'EUR' },
        tax: { amount: 1260, currency: 'EUR' },
        gross: { amount: 7260, currency: 'EUR' },
      },
      amountDue: { amount: 7260, currency: 'EUR' },
      paymentReference: expect.stringMatching(/^RF\d{2}( [0-9A-Z]{1,4})+$/),
      period: subscription.currentPeriod,
      overdue: false,
    });
    const id = invoices.items[0].id;
    const paymentReference = invoices.items[0].paymentReference!;

    // The worker renders the PDF once and e-mails it; the attachment is the PDF the API serves.
    const announcement = await announcementOf(marie.email, `Invoice ${number}`);
    expect(announcement.attachments).toHaveLength(1);
    const [attachment] = announcement.attachments;
    expect(attachment).toMatchObject({ filename: `${number}.pdf`, contentType: 'application/pdf' });
    expect(announcement.text).toContain(paymentReference);

    const pdf = await fetchBytes(`/invoices/${id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(new RegExp(`^inline; filename="${number}\\.pdf"`));
    expect(sha256(pdf.body)).toBe(attachment.sha256);
    expect(pdf.headers.get('etag')).toBe(`"${attachment.sha256}"`);
    const detail = await documentOf(id);
    expect(detail).toMatchObject({
      pdfSha256: attachment.sha256,
      buyer: { name: 'Marie Curie', email: marie.email },
      lines: [
        {
          description: 'Individual membership',
          period: subscription.currentPeriod,
          quantity: 1,
          unitPrice: { amount: 6000, currency: 'EUR' },
          taxRateBps: 2100,
          net: { amount: 6000, currency: 'EUR' },
          tax: { amount: 1260, currency: 'EUR' },
        },
      ],
      related: [],
    });
    marie.invoice = detail;
    const again = await fetchBytes(`/invoices/${id}/pdf?download=1`);
    expect(again.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(again.body.equals(pdf.body)).toBe(true);

    const text = await pdfText(pdf.body);
    for (const printed of [number, '€72.60', paymentReference, IBAN, 'Marie Curie', 'Cercle Photo de Bruxelles ASBL'])
      expect(text).toContain(printed);

    // She signs in and finds the same subscription, invoice and PDF in the portal.
    Object.assign(marie, await activate(marie.email));
    const mine = await marie.client.GET('/api/v1/me/subscription');
    expect(mine.data!.subscription).toMatchObject({ id: subscription.id, state: 'pending' });
    const own = await marie.client.GET('/api/v1/me/invoices');
    expect(own.data).toMatchObject({ total: 1, items: [{ id, number, state: 'open' }] });
    expect((await marie.client.GET('/api/v1/me/invoices/{id}', { params: { path: { id } } })).data).toMatchObject({
      id,
      number,
      pdfSha256: attachment.sha256,
    });
    const ownPdf = await fetchBytes(`/me/invoices/${id}/pdf`, { token: marie.token });
    expect({ status: ownPdf.status, sha256: sha256(ownPdf.body) }).toEqual({ status: 200, sha256: attachment.sha256 });
    expect(stack.sink.messagesTo(marie.email).filter((m) => m.subject === `Invoice ${number}`)).toHaveLength(1);
  });

  it('a free plan: the zero invoice is settled at once, the subscription active, the member a Member, and no invoice e-mail', async () => {
    pierre.email = uniqueEmail('pierre');
    const { memberId } = await applyAndApprove(freePlanId, 'Pierre', pierre.email);
    pierre.memberId = memberId;
    const [subscription] = (await subscriptionsOf(memberId)).items;
    expect(subscription).toMatchObject({ plan: { id: freePlanId }, state: 'active' });
    const history = (await admin.GET('/api/v1/subscriptions/{id}', { params: { path: { id: subscription.id } } })).data!
      .history;
    const invoices = await invoicesOf(memberId);
    expect(invoices).toMatchObject({ total: 1, totals: [{ currency: 'EUR', gross: 0, amountDue: 0 }] });
    const [invoice] = invoices.items;
    expect(invoice).toMatchObject({
      kind: 'invoice',
      state: 'paid',
      totals: { gross: { amount: 0, currency: 'EUR' } },
      amountDue: { amount: 0, currency: 'EUR' },
      paymentReference: null,
    });
    expect(history.map((event) => [event.fromState, event.toState, event.reason])).toEqual([
      [null, 'pending', expect.stringMatching(/^Application APP-\d{4}-\d{6} approved$/)],
      ['pending', 'active', `Invoice ${invoice.number} settled`],
    ]);
    expect((await memberOf(memberId)).status).toBe('member');

    // The worker still renders its PDF (the portal offers it) — and once it has, it has decided: no e-mail.
    await waitUntil(async () => (await documentOf(invoice.id)).pdfSha256 !== null, {
      description: "the zero invoice's PDF to be rendered",
    });
    pierre.invoice = await documentOf(invoice.id);
    Object.assign(pierre, await activate(pierre.email));
    expect(stack.sink.messagesTo(pierre.email).map((message) => message.subject)).toEqual(
      expect.not.arrayContaining([expect.stringContaining(invoice.number)]),
    );
    expect((await pierre.client.GET('/api/v1/me/subscription')).data!.subscription).toMatchObject({ state: 'active' });
  });

  it("a confirmed order subscribes the customer to the first line's plan and invoices every line", async () => {
    chris.email = uniqueEmail('chris');
    const order = await shop.POST('/api/v1/orders', {
      body: {
        customer: { email: chris.email, name: 'Chris Customer', locale: 'en' },
        lines: [{ planId: yearlyPlanId }, { planId: workshopPlanId, quantity: 2 }],
        externalReference: 'SHOP-42',
      },
    });
    expect(order.data).toMatchObject({ total: { amount: 9000, currency: 'EUR' } });
    const confirmed = await shop.POST('/api/v1/orders/{id}/confirm', { params: { path: { id: order.data!.id } } });
    expect(confirmed.data).toMatchObject({ status: 'confirmed', portalAccountCreated: true });

    const members = await admin.GET('/api/v1/members', { params: { query: { q: chris.email } } });
    expect(members.data!.items).toHaveLength(1);
    chris.memberId = members.data!.items[0].id;
    const [subscription] = (await subscriptionsOf(chris.memberId)).items;
    chris.subscriptionId = subscription.id;
    expect(subscription).toMatchObject({
      plan: { id: yearlyPlanId },
      state: 'pending',
      origin: { type: 'order', id: order.data!.id, reference: order.data!.reference },
    });
    const [summary] = (await invoicesOf(chris.memberId)).items;
    const invoice = await documentOf(summary.id);
    // €60 at 21 % and 2 × €15 at 6 %: tax per line, rounded half-up.
    expect(invoice).toMatchObject({
      kind: 'invoice',
      state: 'open',
      buyer: { name: 'Chris Customer', email: chris.email },
      lines: [
        { description: 'Individual membership', quantity: 1, unitPrice: { amount: 6000 }, taxRateBps: 2100 },
        { description: 'Photo workshop', quantity: 2, unitPrice: { amount: 1500 }, taxRateBps: 600 },
      ],
      totals: { net: { amount: 9000 }, tax: { amount: 1440 }, gross: { amount: 10440 } },
      amountDue: { amount: 10440, currency: 'EUR' },
    });
    expect(invoice.lines.map((line) => [line.net.amount, line.tax.amount])).toEqual([
      [6000, 1260],
      [3000, 180],
    ]);
    const announcement = await announcementOf(chris.email, `Invoice ${invoice.number}`);
    expect(announcement.attachments.map((attachment) => attachment.filename)).toEqual([`${invoice.number}.pdf`]);
    const text = await pdfText(announcement.attachments[0].content);
    for (const printed of ['Photo workshop', '€104.40', invoice.paymentReference!]) expect(text).toContain(printed);
    chris.invoice = invoice;

    // Chris activates the account the order made and finds the membership, its subscription and invoice.
    const portal = (await activate(chris.email)).client;
    expect((await portal.GET('/api/v1/me')).data!.member).toMatchObject({ id: chris.memberId });
    expect((await portal.GET('/api/v1/me/subscription')).data!.subscription).toMatchObject({ id: subscription.id });
    expect((await portal.GET('/api/v1/me/invoices')).data!.items.map((item) => item.id)).toEqual([invoice.id]);
  });

  it('credits an unpaid invoice with a credit note: the invoice is credited, the subscription cancelled, once', async () => {
    const { invoice } = chris;
    expect((await memberOf(chris.memberId)).status).toBe('upcoming');
    const credit = (id: string, reason: string) =>
      admin.POST('/api/v1/invoices/{id}/credit', { params: { path: { id } }, body: { reason } });
    expect((await credit(invoice.id, '')).response.status).toBe(400);

    const first = await credit(invoice.id, 'The workshop was cancelled.');
    expect(first.response.status).toBe(200);
    const creditNote = first.data!;
    expect(creditNote).toMatchObject({
      kind: 'credit-note',
      number: `CN-${invoice.issueDate.slice(0, 4)}-000001`,
      state: 'issued',
      member: { id: chris.memberId },
      totals: invoice.totals,
      amountDue: { amount: 0, currency: 'EUR' },
      dueDate: null,
      paymentReference: null,
      reason: 'The workshop was cancelled.',
      related: [{ id: invoice.id, number: invoice.number, kind: 'invoice', relation: 'credits' }],
    });
    expect(creditNote.lines).toHaveLength(2);
    expect(await documentOf(invoice.id)).toMatchObject({
      state: 'credited',
      amountDue: { amount: 0 },
      related: [{ id: creditNote.id, number: creditNote.number, relation: 'credited-by' }],
    });
    // Crediting again answers the same credit note; a credit note is not an invoice.
    expect((await credit(invoice.id, 'Once more.')).data).toMatchObject({ id: creditNote.id });
    const ofCreditNote = await credit(creditNote.id, 'Nonsense.');
    expect(ofCreditNote.response.status).toBe(409);
    expect(ofCreditNote.error).toMatchObject({ status: 409 });
    expect((await invoicesOf(chris.memberId)).total).toBe(2);

    const subscription = (
      await admin.GET('/api/v1/subscriptions/{id}', { params: { path: { id: chris.subscriptionId } } })
    ).data!;
    expect(subscription).toMatchObject({
      state: 'cancelled',
      nextRenewalDate: null,
      endReason: `Invoice ${invoice.number} credited: The workshop was cancelled.`,
    });
    expect(subscription.history.at(-1)).toMatchObject({ fromState: 'pending', toState: 'cancelled' });
    expect((await memberOf(chris.memberId)).status).toBe('non-member');

    const announcement = await announcementOf(chris.email, `Credit note ${creditNote.number}`);
    expect(sha256(announcement.attachments[0].content)).toBe((await documentOf(creditNote.id)).pdfSha256);
  });

  it("shows members their own documents only: another member's invoice and PDF are 404", async () => {
    const own = (await marie.client.GET('/api/v1/me/invoices')).data!;
    expect(own.items.map((item) => item.id)).toEqual([marie.invoice.id]);
    expect(own.items.every((item) => item.member.id === marie.memberId)).toBe(true);
    expect((await pierre.client.GET('/api/v1/me/invoices')).data!.items.map((item) => item.id)).toEqual([
      pierre.invoice.id,
    ]);

    for (const id of [pierre.invoice.id, chris.invoice.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const detail = await marie.client.GET('/api/v1/me/invoices/{id}', { params: { path: { id } } });
      expect({ id, status: detail.response.status }).toEqual({ id, status: 404 });
      expect(detail.error).toMatchObject({ type: 'urn:tessera:problem:document-not-found' });
      expect({ id, status: (await fetchBytes(`/me/invoices/${id}/pdf`, { token: marie.token })).status }).toEqual({
        id,
        status: 404,
      });
    }
    // Staff read any document, members none through the staff endpoints.
    expect(
      (await marie.client.GET('/api/v1/invoices/{id}', { params: { path: { id: marie.invoice.id } } })).response.status,
    ).toBe(403);
  });

  it('refuses to subscribe a member who has a live subscription; ends one, and subscribes them again', async () => {
    const subscribe = (memberId: string, planId: string) =>
      admin.POST('/api/v1/members/{id}/subscriptions', { params: { path: { id: memberId } }, body: { planId } });
    const pending = await subscribe(marie.memberId, freePlanId);
    expect(pending.response.status).toBe(409);
    expect(pending.error).toMatchObject({ type: 'urn:tessera:problem:already-subscribed' });
    expect((await subscribe(pierre.memberId, yearlyPlanId)).response.status).toBe(409);
    expect((await subscribe('00000000-0000-4000-8000-000000000000', yearlyPlanId)).response.status).toBe(404);

    const [active] = (await subscriptionsOf(pierre.memberId)).items;
    const end = (id: string, body: { reason: string; effectiveDate: string }) =>
      admin.POST('/api/v1/subscriptions/{id}/end', { params: { path: { id } }, body });
    const before = addDays(active.startDate, -1);
    expect((await end(active.id, { reason: 'Moved abroad.', effectiveDate: before })).response.status).toBe(400);
    const ended = await end(active.id, { reason: 'Moved abroad.', effectiveDate: active.startDate });
    expect(ended.data).toMatchObject({
      state: 'ended',
      endsOn: active.startDate,
      endReason: 'Moved abroad.',
      nextRenewalDate: null,
    });
    expect(ended.data!.history.at(-1)).toMatchObject({
      fromState: 'active',
      toState: 'ended',
      reason: 'Moved abroad.',
      actorName: expect.any(String),
    });
    expect((await end(active.id, { reason: 'Again.', effectiveDate: active.startDate })).response.status).toBe(409);

    // No longer live: staff subscribe him to the paid plan, with its first invoice.
    const again = await subscribe(pierre.memberId, yearlyPlanId);
    expect(again.response.status).toBe(201);
    expect(again.data).toMatchObject({ state: 'pending', plan: { id: yearlyPlanId }, origin: { type: 'staff' } });
    const invoices = await invoicesOf(pierre.memberId);
    expect(invoices.items.map((item) => [item.state, item.totals.gross.amount])).toEqual([
      ['open', 7260],
      ['paid', 0],
    ]);
    await announcementOf(pierre.email, `Invoice ${invoices.items[0].number}`);

    // Ending a pending subscription cancels it (it never started).
    const [marieSubscription] = (await subscriptionsOf(marie.memberId)).items;
    const cancelled = await end(marieSubscription.id, { reason: 'Applied by mistake.', effectiveDate: '2000-01-01' });
    expect(cancelled.data).toMatchObject({ state: 'cancelled', endsOn: null, endReason: 'Applied by mistake.' });
  });

  it('lists documents with filters and totals per currency', async () => {
    const list = async (query: Record<string, string | boolean>) =>
      (await admin.GET('/api/v1/invoices', { params: { query } })).data!;
    const all = await list({});
    const numbers = (page: typeof all) => page.items.map((item) => item.number).sort();
    expect(all.total).toBe(all.items.length);
    expect(numbers(await list({ kind: 'credit-note' }))).toEqual([expect.stringMatching(/^CN-/)]);
    expect((await list({ state: 'open' })).items.every((item) => item.state === 'open')).toBe(true);
    expect(numbers(await list({ number: marie.invoice.number }))).toEqual([marie.invoice.number]);
    expect((await list({ overdue: true })).total).toBe(0);
    expect((await list({ overdue: false })).total).toBe(all.total);
    const today = marie.invoice.issueDate;
    expect((await list({ issuedFrom: today, issuedTo: today })).total).toBe(all.total);
    expect((await list({ issuedFrom: addDays(today, 1) })).total).toBe(0);
    const open = all.items.filter((item) => ['open', 'partially-paid'].includes(item.state) && item.kind === 'invoice');
    expect(all.totals).toEqual([
      {
        currency: 'EUR',
        gross: all.items.reduce((sum, item) => sum + item.totals.gross.amount, 0),
        amountDue: open.reduce((sum, item) => sum + item.amountDue.amount, 0),
      },
    ]);
  });

  it('lets an API key read what its scopes name and nothing more', async () => {
    const keys = async (scopes: Schemas['CreateApiKeyDto']['scopes']) =>
      (await admin.POST('/api/v1/api-keys', { body: { name: scopes.join(' ') || 'none', scopes } })).data!.key;
    const invoicesKey = await keys(['invoices:read']);
    const subscriptionsKey = await keys(['subscriptions:read']);
    const membersKey = await keys(['members:read']);
    const id = marie.invoice.id;

    const reader = keyClient(invoicesKey);
    expect((await reader.GET('/api/v1/invoices')).response.status).toBe(200);
    expect((await reader.GET('/api/v1/invoices/{id}', { params: { path: { id } } })).data).toMatchObject({ id });
    const pdf = await fetchBytes(`/invoices/${id}/pdf`, { key: invoicesKey });
    expect({ status: pdf.status, sha256: sha256(pdf.body) }).toEqual({ status: 200, sha256: marie.invoice.pdfSha256 });
    const credit = await reader.POST('/api/v1/invoices/{id}/credit', {
      params: { path: { id } },
      body: { reason: 'A key may not credit.' },
    });
    expect(credit.response.status).toBe(403);
    expect((await reader.GET('/api/v1/subscriptions')).response.status).toBe(403);

    const subscriptionReader = keyClient(subscriptionsKey);
    expect((await subscriptionReader.GET('/api/v1/subscriptions')).response.status).toBe(200);
    expect((await subscriptionReader.GET('/api/v1/invoices')).response.status).toBe(403);
    for (const client of [keyClient(membersKey)]) {
      expect((await client.GET('/api/v1/invoices')).response.status).toBe(403);
      expect((await client.GET('/api/v1/subscriptions')).response.status).toBe(403);
    }
    expect((await documentOf(id)).state).toBe('open');
  });

  it('gives 20 orders of one person, confirmed at once, one member, one live subscription and one invoice', async () => {
    const email = uniqueEmail('crowd');
    const orders = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        shop.POST('/api/v1/orders', {
          body: {
            customer: { email, name: 'Crowd Customer', locale: 'en' },
            lines: [{ planId: yearlyPlanId }],
            externalReference: `RUSH-${i}`,
          },
        }),
      ),
    );
    const ids = orders.map((order) => order.data!.id);
    const answers = await Promise.all(
      ids.map((id) => shop.POST('/api/v1/orders/{id}/confirm', { params: { path: { id } } })),
    );
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(20).fill(200));
    expect(answers.filter((answer) => answer.data!.portalAccountCreated)).toHaveLength(1);
    for (const id of ids)
      expect((await admin.GET('/api/v1/orders/{id}', { params: { path: { id } } })).data!.status).toBe('confirmed');

    const members = (await admin.GET('/api/v1/members', { params: { query: { q: email } } })).data!;
    expect(members.total).toBe(1);
    const memberId = members.items[0].id;
    const subscriptions = await subscriptionsOf(memberId);
    expect(subscriptions.items.map((item) => item.state)).toEqual(['pending']);
    expect(ids).toContain(subscriptions.items[0].origin.id);
    const invoices = await invoicesOf(memberId);
    expect(invoices.items.map((item) => [item.kind, item.state, item.totals.gross.amount])).toEqual([
      ['invoice', 'open', 7260],
    ]);
    // One invoice e-mail (and one invitation) however many confirmations.
    await announcementOf(email, `Invoice ${invoices.items[0].number}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      stack.sink
        .messagesTo(email)
        .map((message) => message.subject)
        .sort(),
    ).toEqual(['Activate your member account', `Invoice ${invoices.items[0].number}`].sort());
  });
});
