import { randomUUID } from 'node:crypto';
import { createTesseraClient, type TesseraClient } from '@tessera/api-client';
import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * Sales create portal accounts: a shop (API key) records and confirms an order; the customer gets
 * one account, one invitation and one invoice however often, or however concurrently, the order
 * is confirmed (subscriptions-invoices covers the invoice itself).
 */
describe('orders (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let asAdmin: TesseraClient;
  let shop: TesseraClient;
  let planId: string;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    asAdmin = authorized(stack, session.data!.accessToken);
    const plan = await asAdmin.POST('/api/v1/plans', {
      body: {
        code: 'shop-yearly',
        name: 'Yearly membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    planId = plan.data!.id;
    const key = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['orders:write'] } });
    shop = createTesseraClient({ baseUrl: stack.baseUrl, headers: { 'X-Api-Key': key.data!.key } });
  });
  afterAll(() => stack.stop());

  const order = async (email: string) => {
    const created = await shop.POST('/api/v1/orders', {
      body: {
        customer: { email, name: 'Chris Customer', locale: 'en' },
        lines: [{ planId }],
        externalReference: 'SHOP-1',
      },
    });
    expect(created.response.status).toBe(201);
    return created.data!;
  };
  const confirm = (id: string, headers: Record<string, string> = {}) =>
    shop.POST('/api/v1/orders/{id}/confirm', { params: { path: { id } }, headers });

  /** The customer's e-mails, once the invoice's has come: the invitation and that one invoice, nothing else. */
  async function expectOnlyInvitationAndInvoice(email: string): Promise<void> {
    await stack.sink.waitFor((message) => message.to.includes(email) && /^Invoice /.test(message.subject), {
      description: `the invoice e-mail to ${email}`,
      timeoutMs: 15_000,
    });
    // Give a duplicate e-mail, were there one, time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      stack.sink
        .messagesTo(email)
        .map((message) => message.subject)
        .sort(),
    ).toEqual(['Activate your member account', expect.stringMatching(/^Invoice INV-\d{4}-\d{6}$/)]);
  }

  it('creates the account on confirmation, e-mails one invitation, and replays the same answer', async () => {
    const email = uniqueEmail('shopper');
    const sale = await order(email);
    expect(sale).toMatchObject({ status: 'pending', source: 'api', total: { amount: 6000, currency: 'EUR' } });

    const key = randomUUID();
    const first = await confirm(sale.id, { 'Idempotency-Key': key });
    expect(first.response.status).toBe(200);
    expect(first.data).toEqual({
      id: sale.id,
      reference: sale.reference,
      status: 'confirmed',
      portalAccountCreated: true,
      message: 'Your account has been created — check your e-mail to activate it.',
    });
    expect((await confirm(sale.id, { 'Idempotency-Key': key })).data).toEqual(first.data);
    expect((await confirm(sale.id)).data).toEqual(first.data);

    const { token } = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', {
      body: { token, password: 'Shopper-Password-2026' },
    });
    expect(activated.data!.user).toMatchObject({ email, roles: ['member'], activated: true });

    const again = await confirm((await order(email.toUpperCase())).id);
    expect(again.data).toMatchObject({
      portalAccountCreated: false,
      message: 'Your purchase has been added to your account — sign in to see it.',
    });
    // One invitation and one invoice: the second order finds the member already subscribed.
    await expectOnlyInvitationAndInvoice(email);
  });

  it('gives 20 parallel confirmations one account, one invitation and one answer', async () => {
    const email = uniqueEmail('rush');
    const sale = await order(email);
    const answers = await Promise.all(Array.from({ length: 20 }, () => confirm(sale.id)));
    expect(answers.map((answer) => answer.response.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    expect(answers[0].data!.portalAccountCreated).toBe(true);
    await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    await expectOnlyInvitationAndInvoice(email);
  });

  it('refuses bad input, unknown orders and callers without the right, with problems', async () => {
    const bad = await shop.POST('/api/v1/orders', {
      body: { customer: { email: 'not-an-email', name: '' }, lines: [] } as never,
    });
    expect(bad.response.status).toBe(400);
    expect(bad.error).toMatchObject({ type: 'urn:tessera:problem:validation' });
    expect((bad.error as { errors: { field: string }[] }).errors.map((error) => error.field).sort()).toEqual(
      ['customer.email', 'customer.name', 'lines'].sort(),
    );
    const unknown = await confirm(randomUUID());
    expect(unknown.response.status).toBe(404);
    const notAnId = await confirm('42');
    expect(notAnId.response.status).toBe(404);
    const anonymous = await stack.client.POST('/api/v1/orders', {
      body: { customer: { email: uniqueEmail(), name: 'A' }, lines: [{ planId }] },
    });
    expect(anonymous.response.status).toBe(401);
  });
});
