import { FakeStripe } from '@tessera/testing';
import Stripe from 'stripe';
import { checkoutIdempotencyKey, checkoutSessionParams, type DocumentToPayOnline } from './checkout-session-params';
import { stripeClientOptions } from './stripe-client';

const document: DocumentToPayOnline = {
  id: '5b0c4c1e-8a43-4d5e-9a37-0c7f1f0b2f11',
  kind: 'pro-forma',
  number: 'PRO-2026-000004',
  memberId: '0f3e0c55-1d7b-4c1a-9f0e-6a2f6f1f4c22',
  currency: 'EUR',
  locale: 'fr',
  amountDue: 7260,
  email: 'marie@example.test',
};

describe('the Stripe SDK as Tessera configures it, against the fake Stripe API', () => {
  const fake = new FakeStripe('sk_test_unit');
  let stripe: Stripe;

  beforeAll(async () => {
    await fake.start();
    stripe = new Stripe(fake.key, stripeClientOptions(fake.baseUrl));
  });
  afterAll(() => fake.stop());

  it('reads protocol, host and port from STRIPE_API_BASE, and talks to Stripe itself without it', () => {
    expect(stripeClientOptions('http://127.0.0.1:4242')).toMatchObject({
      protocol: 'http',
      host: '127.0.0.1',
      port: '4242',
    });
    expect(stripeClientOptions('https://stripe.internal')).toMatchObject({ protocol: 'https', port: 443 });
    expect(stripeClientOptions(undefined)).not.toHaveProperty('host');
  });

  it('creates one Checkout Session for the amount due, named by the number, linked by its metadata', async () => {
    const params = checkoutSessionParams(document, 'https://members.example.org/');
    const key = checkoutIdempotencyKey(document, params);
    const first = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    const again = await stripe.checkout.sessions.create(params, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    expect(fake.sessions.size).toBe(1);
    expect(first).toMatchObject({ amount_total: 7260, currency: 'eur', payment_status: 'unpaid' });
    expect(fake.sessionCreations()[0].body).toEqual({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: { currency: 'eur', unit_amount: '7260', product_data: { name: 'PRO-2026-000004' } },
        },
      ],
      customer_email: 'marie@example.test',
      client_reference_id: document.id,
      metadata: { documentId: document.id, memberId: document.memberId, number: 'PRO-2026-000004' },
      payment_intent_data: {
        metadata: { documentId: document.id, memberId: document.memberId, number: 'PRO-2026-000004' },
      },
      locale: 'fr',
      success_url: `https://members.example.org/portal/invoices?paid=${document.id}`,
      cancel_url: `https://members.example.org/portal/invoices?cancelled=${document.id}`,
    });
    expect(fake.sessionCreations()[0].headers['idempotency-key']).toBe(key);
  });

  it('sends a member paying a capital release request back to My shares, any other document to My invoices', () => {
    const release = { ...document, kind: 'capital-release' as const, number: 'CRR-2026-000001' };
    expect(checkoutSessionParams(release, 'https://members.example.org')).toMatchObject({
      success_url: `https://members.example.org/portal/shares?paid=${document.id}`,
      cancel_url: `https://members.example.org/portal/shares?cancelled=${document.id}`,
    });
    const invoice = checkoutSessionParams({ ...document, kind: 'invoice' }, 'https://members.example.org');
    expect(invoice.success_url).toBe(`https://members.example.org/portal/invoices?paid=${document.id}`);
  });

  it('gives another key once the amount due or anything asked changes', () => {
    const params = checkoutSessionParams(document, 'https://members.example.org');
    const key = checkoutIdempotencyKey(document, params);
    const less = { ...document, amountDue: 3000 };
    expect(checkoutIdempotencyKey(less, checkoutSessionParams(less, 'https://members.example.org'))).not.toBe(key);
    const other = { ...document, email: 'other@example.test' };
    expect(checkoutIdempotencyKey(other, checkoutSessionParams(other, 'https://members.example.org'))).not.toBe(key);
  });

  it('verifies what generateTestHeaderString signs, and refuses a changed body or an old signature', () => {
    const secret = 'whsec_unit';
    const payload = JSON.stringify(fake.event('customer.created', { id: 'cus_1' }));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret });
    expect(Stripe.webhooks.constructEvent(payload, header, secret).type).toBe('customer.created');
    expect(() => Stripe.webhooks.constructEvent(payload.replace('cus_1', 'cus_2'), header, secret)).toThrow();
    const old = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    expect(() => Stripe.webhooks.constructEvent(payload, old, secret)).toThrow(/tolerance/i);
  });
});
