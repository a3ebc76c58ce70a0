import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { FakeStripe } from '@tessera/testing';
import { startFakeStripe, stopFakeStripe, stripeSignature } from '../support/fake-stripe';
import { linkTokenFromEmail } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { createSupporterClass } from '../support/shares';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

const WEBHOOK_SECRET = 'whsec_e2e_shares';

/**
 * The third way a capital release request is settled (issue 18), over HTTP: the holder pays it
 * online from My shares (Checkout against a local server playing Stripe), and Stripe's signed
 * webhook makes her a cooperator with her shares in the register and her certificate e-mailed,
 * once however often the event comes.
 */
describe('a capital release request paid with Stripe (API over HTTP, fake Stripe API)', () => {
  const fake = new FakeStripe('sk_test_e2e_shares');
  let stack: Stack;
  let officer: StaffSession;
  let finance: StaffSession;
  const eva = { firstName: 'Eva', lastName: 'Online', email: uniqueEmail('eva') };

  beforeAll(async () => {
    await startFakeStripe(fake, WEBHOOK_SECRET);
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const classB = await createSupporterClass(admin);
    const made = await officer.client.POST('/api/v1/share-subscriptions', {
      body: {
        kind: 'individual',
        shareClassId: classB.id,
        quantity: 4,
        person: eva,
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    expect(made.response.status).toBe(201);
    const approved = await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: made.data!.approvalRequestId! } },
      body: {},
    });
    expect(approved.response.status).toBe(200);
  });
  afterAll(async () => {
    await stack.stop();
    await stopFakeStripe(fake);
  });

  const deliver = async (payload: string) => {
    const response = await fetch(`${stack.baseUrl}/api/v1/webhooks/stripe`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': stripeSignature(payload, WEBHOOK_SECRET),
      },
      body: payload,
    });
    return { status: response.status, body: (await response.json()) as { outcome: string; duplicate: boolean } };
  };

  it('paid online from My shares: a cooperator with 4 shares and a certificate, once', async () => {
    const { token } = await linkTokenFromEmail(stack.sink, eva.email, /Activate your member account/, '/activate');
    const session = await stack.client.POST('/api/v1/auth/activate', {
      body: { token, password: 'Share-Holder-Password-77' },
    });
    const asEva: TesseraClient = authorized(stack, session.data!.accessToken);
    const before = (await asEva.GET('/api/v1/me/shares')).data!;
    expect(before).toMatchObject({ onlinePayment: true, own: { cooperatorState: 'candidate', holdings: [] } });
    const [crr] = before.own!.capitalReleaseRequests;
    expect(crr).toMatchObject({ state: 'open', amountDue: { amount: 10000, currency: 'EUR' } });

    const checkout = await asEva.POST('/api/v1/me/invoices/{id}/checkout', { params: { path: { id: crr.id } } });
    expect(checkout.response.status).toBe(200);
    const [stripeSession] = [...fake.sessions.values()].filter((s) => s.metadata.documentId === crr.id);
    expect(stripeSession).toMatchObject({ amount_total: 10000, metadata: { number: crr.number } });
    fake.pay(stripeSession.id, { payer: 'Eva Online' });
    const payload = JSON.stringify(fake.sessionEvent(stripeSession.id));
    expect(await deliver(payload)).toMatchObject({ status: 200, body: { outcome: 'payment-recorded' } });
    // Stripe retries: nothing more.
    expect(await deliver(payload)).toMatchObject({ status: 200, body: { duplicate: true } });

    const after = (await asEva.GET('/api/v1/me/shares')).data!.own! as Schemas['MyShareHolderDto'];
    expect(after).toMatchObject({
      cooperatorState: 'effective',
      cooperatorNumber: expect.stringMatching(/^C-\d{6}$/),
      holdings: [{ quantity: 4, shareNumbers: '1–4', capital: { amount: 10000, currency: 'EUR' } }],
      capitalReleaseRequests: [{ state: 'paid', amountDue: { amount: 0 } }],
    });
    expect(after.certificates).toHaveLength(1);
    const register = (await finance.client.GET('/api/v1/share-register')).data!;
    expect(register.movements.map((m) => [m.kind, m.quantity, m.holder.name])).toEqual([['issue', 4, 'Eva Online']]);
    const email = await stack.sink.waitFor(
      (m) => m.to.includes(eva.email) && m.subject.startsWith('Your share certificate'),
    );
    expect(await pdfText(email.attachments[0].content)).toContain('4 class B shares');
    expect(stack.sink.messagesTo(eva.email).filter((m) => m.subject.startsWith('Your share certificate'))).toHaveLength(
      1,
    );
  });
});
