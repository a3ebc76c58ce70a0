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
    const history = (await admin.GET('/api/v1/subscriptions/{id}', { params: { path: { id: subscription.id } } }))
      .data!.history;
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
});
