import { createHash } from 'node:crypto';
import { createTesseraClient, type TesseraClient } from '@tessera/api-client';
import { extractLinks, waitUntil, type SinkMessage } from '@tessera/testing';
import { pdfText } from '../support/pdf-text';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const isActivation = (url: string) => new URL(url).pathname === '/activate';

interface Customer {
  email: string;
  memberId: string;
  invoiceId: string;
  invoiceNumber: string;
  token: string;
}

/**
 * A receipt for every payment: finance records a payment on a member's invoice; the worker prints
 * the receipt once, in the member's language, and e-mails it with the PDF the API then serves;
 * the member downloads it from the portal, and nobody else's.
 */
describe('receipts (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let finance: StaffSession;
  let officer: StaffSession;
  let shop: TesseraClient;
  let planId: string;
  const amélie = {} as Customer;
  const bruno = {} as Customer;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    const settings = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Cercle Photo de Bruxelles',
        contactEmail: 'membres@cercle.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        legalName: 'Cercle Photo de Bruxelles ASBL',
        iban: 'BE71096123456769',
        paymentTermsDays: 14,
        timeZone: 'Europe/Brussels',
        referenceScheme: 'ogm',
        currency: 'EUR',
        renewalTime: '02:00',
        statusSweepTime: '03:00',
      },
    });
    expect(settings.response.status).toBe(200);
    finance = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    officer = await activatedStaff(stack, admin, 'Oscar Officer', ['officer']);
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'receipts-yearly',
        name: 'Yearly membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    planId = plan.data!.id;
    const key = await admin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['orders:write'] } });
    shop = createTesseraClient({ baseUrl: stack.baseUrl, headers: { 'X-Api-Key': key.data!.key } });
    Object.assign(amélie, await customer('amelie', 'Amélie Dupont', 'fr'));
    Object.assign(bruno, await customer('bruno', 'Bruno Peeters', 'en'));
  });
  afterAll(() => stack.stop());

  /** A shop's customer: order confirmed (member, €60 invoice, portal account), account activated. */
  async function customer(label: string, name: string, locale: 'en' | 'fr'): Promise<Customer> {
    const email = uniqueEmail(label);
    const order = await shop.POST('/api/v1/orders', {
      body: { customer: { email, name, locale }, lines: [{ planId }], externalReference: `SHOP-${label}` },
    });
    const confirmed = await shop.POST('/api/v1/orders/{id}/confirm', { params: { path: { id: order.data!.id } } });
    expect(confirmed.data).toMatchObject({ status: 'confirmed', portalAccountCreated: true });
    const members = await admin.GET('/api/v1/members', { params: { query: { q: email } } });
    const memberId = members.data!.items[0].id;
    const invoices = await admin.GET('/api/v1/invoices', { params: { query: { memberId } } });
    const [invoice] = invoices.data!.items;
    // The order's account is not tied to the member's person (orders pass none): staff's invitation
    // ties it, and its link, the newest, is the one that works. The outbox may deliver two queued
    // e-mails in either order, so the order's invitation is awaited before staff send theirs.
    const activations = () =>
      stack.sink.messagesTo(email).filter((message) => extractLinks(message).some(isActivation));
    await waitUntil(() => activations().length === 1, { description: `the order's invitation to ${email}` });
    const invited = await admin.POST('/api/v1/members/{id}/portal-invitation', { params: { path: { id: memberId } } });
    expect(invited.response.status).toBe(202);
    await waitUntil(() => activations().length === 2, { description: `the second invitation to ${email}` });
    const link = new URL(extractLinks(activations()[1]).find(isActivation)!);
    const session = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: new URLSearchParams(link.hash.slice(1)).get('token')!, password: `Member-Password-${Date.now()}` },
    });
    expect(session.response.status).toBe(200);
    return { email, memberId, invoiceId: invoice.id, invoiceNumber: invoice.number, token: session.data!.accessToken };
  }

  /** GET as raw bytes (PDFs), with a bearer token. */
  async function fetchBytes(path: string, token?: string) {
    const response = await fetch(`${stack.baseUrl}/api/v1${path}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  const receiptEmail = (to: string, subject: RegExp): Promise<SinkMessage> =>
    stack.sink.waitFor((message) => message.to.includes(to) && subject.test(message.subject), {
      description: `the receipt e-mail to ${to}`,
      timeoutMs: 15_000,
    });

  it('finance records a payment: the member is e-mailed the receipt, the PDF the API serves', async () => {
    // €75 on a €60 invoice: €60 applied, €15 left as credit.
    const recorded = await finance.client.POST('/api/v1/payments', {
      body: {
        memberId: amélie.memberId,
        amount: { amount: 7500, currency: 'EUR' },
        method: 'bank-transfer',
        date: '2026-03-02',
        reference: 'Virement 2026-03-02',
        allocations: [{ documentId: amélie.invoiceId, amount: 7500 }],
      },
    });
    expect(recorded.response.status).toBe(201);
    const payment = recorded.data!;
    expect(payment).toMatchObject({ receiptNumber: expect.stringMatching(/^REC-\d{4}-\d{6}$/) });

    // In French, her language: subject, amounts, what it paid and the credit left.
    const email = await receiptEmail(amélie.email, new RegExp(`^Reçu ${payment.receiptNumber}`));
    const text = email.text.replace(/[\u00a0\u202f]/g, ' ');
    expect(email.subject.replace(/[\u00a0\u202f]/g, ' ')).toBe(`Reçu ${payment.receiptNumber} : 75,00 € reçus`);
    expect(text).toContain('nous avons reçu 75,00 € le 2 mars 2026 (Virement bancaire)');
    expect(text).toContain(`- ${amélie.invoiceNumber} : 60,00 €`);
    expect(text).toContain('15,00 € restent en crédit sur votre compte');
    expect(text).toMatch(/Voir mes paiements : http\S+\/portal\/payments/);
    expect(email.attachments).toHaveLength(1);
    const [attachment] = email.attachments;
    expect(attachment).toMatchObject({ filename: `${payment.receiptNumber}.pdf`, contentType: 'application/pdf' });

    for (const staff of [finance, officer]) {
      const pdf = await fetchBytes(`/payments/${payment.id}/receipt`, staff.token);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(pdf.headers.get('content-disposition')).toMatch(`inline; filename="${payment.receiptNumber}.pdf"`);
      expect(pdf.headers.get('etag')).toBe(`"${attachment.sha256}"`);
      expect(sha256(pdf.body)).toBe(attachment.sha256);
    }
    const printed = await pdfText((await fetchBytes(`/payments/${payment.id}/receipt`, finance.token)).body);
    for (const expected of [
      'Reçu',
      payment.receiptNumber,
      'Amélie Dupont',
      '75,00 €',
      'Virement bancaire',
      'Virement 2026-03-02',
      `${amélie.invoiceNumber} 60,00 €`,
      'Crédit sur votre compte 15,00 €',
      'Cercle Photo de Bruxelles ASBL',
    ])
      expect(printed).toContain(expected);

    // Her download from the portal: the same bytes, inline or as an attachment.
    const own = await fetchBytes(`/me/payments/${payment.id}/receipt`, amélie.token);
    expect({ status: own.status, sha256: sha256(own.body) }).toEqual({ status: 200, sha256: attachment.sha256 });
    const download = await fetchBytes(`/me/payments/${payment.id}/receipt?download=1`, amélie.token);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(download.body.equals(own.body)).toBe(true);

    // Another member, or anybody not signed in, does not get it; a member is no staff.
    expect((await fetchBytes(`/me/payments/${payment.id}/receipt`, bruno.token)).status).toBe(404);
    expect((await fetchBytes(`/payments/${payment.id}/receipt`, bruno.token)).status).toBe(403);
    expect((await fetchBytes(`/payments/${payment.id}/receipt`)).status).toBe(401);
    expect((await fetchBytes(`/me/payments/00000000-0000-4000-8000-000000000000/receipt`, amélie.token)).status).toBe(
      404,
    );
    expect((await fetchBytes(`/payments/not-a-uuid/receipt`, finance.token)).status).toBe(404);

    // One receipt e-mail, however long one waits.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stack.sink.messagesTo(amélie.email).filter((message) => message.subject.startsWith('Reçu'))).toHaveLength(1);
  });

  it('a payment with nothing to pay is all credit, its English receipt says so, the member sees the credit; only finance reverses it', async () => {
    const recorded = await finance.client.POST('/api/v1/payments', {
      body: {
        memberId: bruno.memberId,
        amount: { amount: 2500, currency: 'EUR' },
        method: 'cash',
        date: '2026-03-03',
        allocations: [],
      },
    });
    expect(recorded.response.status).toBe(201);
    const payment = recorded.data!;
    const email = await receiptEmail(bruno.email, new RegExp(`^Receipt ${payment.receiptNumber}`));
    expect(email.subject).toBe(`Receipt ${payment.receiptNumber}: €25.00 received`);
    expect(email.text).toContain('we received €25.00 on 3 March 2026 (Cash)');
    expect(email.text).not.toContain('It paid');
    expect(email.text).toContain('€25.00 is left as credit on your account');
    const own = await fetchBytes(`/me/payments/${payment.id}/receipt`, bruno.token);
    expect(sha256(own.body)).toBe(email.attachments[0].sha256);
    const printed = await pdfText(own.body);
    expect(printed).toContain('Credit on your account €25.00');
    expect((await fetchBytes(`/me/payments/${payment.id}/receipt`, amélie.token)).status).toBe(404);

    // Each member sees their own credit in the portal, as staff see it on the member's page.
    const balanceOf = async (token: string) =>
      (
        await createTesseraClient({ baseUrl: stack.baseUrl, headers: { Authorization: `Bearer ${token}` } }).GET(
          '/api/v1/me/payments/balance',
        )
      ).data!;
    expect(await balanceOf(bruno.token)).toEqual({
      credit: [
        {
          member: { id: bruno.memberId, number: expect.any(String), name: 'Bruno Peeters' },
          amount: { amount: 2500, currency: 'EUR' },
        },
      ],
    });
    expect((await balanceOf(amélie.token)).credit.map((entry) => entry.amount)).toEqual([
      { amount: 1500, currency: 'EUR' },
    ]);
    const staffView = await finance.client.GET('/api/v1/members/{id}/balance', {
      params: { path: { id: bruno.memberId } },
    });
    expect(staffView.data!.credit).toEqual([{ amount: 2500, currency: 'EUR' }]);
    expect((await finance.client.GET('/api/v1/me/payments/balance')).response.status).toBe(403);

    // Only finance records and reverses; a reversal keeps the payment, with why and when.
    const asOfficer = await officer.client.POST('/api/v1/payments', {
      body: {
        memberId: bruno.memberId,
        amount: { amount: 100, currency: 'EUR' },
        method: 'cash',
        date: '2026-03-03',
        allocations: [],
      },
    });
    expect(asOfficer.response.status).toBe(403);
    const reverse = (client: TesseraClient, reason: string) =>
      client.POST('/api/v1/payments/{id}/reverse', { params: { path: { id: payment.id } }, body: { reason } });
    expect((await reverse(officer.client, 'Not mine to do')).response.status).toBe(403);
    expect((await reverse(finance.client, '')).response.status).toBe(400);
    const reversed = await reverse(finance.client, 'Counted twice.');
    expect(reversed.data).toMatchObject({
      reversedAt: expect.any(String),
      reversalReason: 'Counted twice.',
      unallocated: { amount: 0 },
    });
    expect((await reverse(finance.client, 'Again')).response.status).toBe(409);
    const kept = await finance.client.GET('/api/v1/payments', { params: { query: { memberId: bruno.memberId } } });
    expect(kept.data!.items.map((item) => [item.id, item.reversalReason])).toEqual([[payment.id, 'Counted twice.']]);
    expect((await balanceOf(bruno.token)).credit).toEqual([]);
  });
});
