import type Stripe from 'stripe';
import { decideStripeEvent } from './stripe-event-decision';

const DOCUMENT = '5b0c4c1e-8a43-4d5e-9a37-0c7f1f0b2f11';
const MEMBER = '0f3e0c55-1d7b-4c1a-9f0e-6a2f6f1f4c22';

function event(type: string, object: Record<string, unknown>): Stripe.Event {
  return { id: 'evt_1', object: 'event', type, data: { object } } as unknown as Stripe.Event;
}

const session = (changes: Record<string, unknown> = {}) => ({
  id: 'cs_test_1',
  object: 'checkout.session',
  payment_status: 'paid',
  amount_total: 7260,
  currency: 'eur',
  client_reference_id: DOCUMENT,
  metadata: { documentId: DOCUMENT, memberId: MEMBER, number: 'INV-2026-000001' },
  payment_intent: 'pi_1',
  customer_email: 'marie@example.test',
  customer_details: { email: 'marie@example.test', name: 'Marie Curie' },
  ...changes,
});

const charge = (changes: Record<string, unknown> = {}) => ({
  id: 'ch_1',
  object: 'charge',
  amount: 7260,
  amount_refunded: 7260,
  refunded: true,
  currency: 'eur',
  payment_intent: 'pi_1',
  ...changes,
});

describe('decideStripeEvent', () => {
  it('records a Checkout Session paid on completion, in upper-case currency, with its document and payer', () => {
    expect(decideStripeEvent(event('checkout.session.completed', session()))).toEqual({
      kind: 'record-payment',
      session: {
        id: 'cs_test_1',
        amount: 7260,
        currency: 'EUR',
        documentId: DOCUMENT,
        memberId: MEMBER,
        paymentIntentId: 'pi_1',
        payer: 'Marie Curie',
      },
    });
  });

  it('waits for the money when Checkout completes with a delayed method, and records it when it succeeds', () => {
    const pending = session({ payment_status: 'unpaid' });
    expect(decideStripeEvent(event('checkout.session.completed', pending))).toMatchObject({
      kind: 'nothing',
      outcome: 'awaiting-payment',
    });
    expect(decideStripeEvent(event('checkout.session.async_payment_succeeded', session()))).toMatchObject({
      kind: 'record-payment',
      session: { id: 'cs_test_1', amount: 7260 },
    });
    expect(decideStripeEvent(event('checkout.session.async_payment_failed', pending))).toMatchObject({
      kind: 'nothing',
      outcome: 'payment-failed',
    });
  });

  it('reads an expanded payment intent, and falls back to the client reference and the e-mail', () => {
    const decided = decideStripeEvent(
      event(
        'checkout.session.completed',
        session({ payment_intent: { id: 'pi_2' }, metadata: {}, customer_details: null }),
      ),
    );
    expect(decided).toMatchObject({
      kind: 'record-payment',
      session: { paymentIntentId: 'pi_2', documentId: DOCUMENT, memberId: null, payer: 'marie@example.test' },
    });
  });

  it('records nothing for a paid session without an amount', () => {
    expect(decideStripeEvent(event('checkout.session.completed', session({ amount_total: 0 })))).toMatchObject({
      kind: 'nothing',
      outcome: 'unattributed',
    });
  });

  it('reverses the payment of a charge refunded in full, and leaves a partial refund to finance', () => {
    expect(decideStripeEvent(event('charge.refunded', charge()))).toEqual({
      kind: 'reverse-payment',
      paymentIntentId: 'pi_1',
      chargeId: 'ch_1',
    });
    const partial = decideStripeEvent(event('charge.refunded', charge({ amount_refunded: 1000, refunded: false })));
    expect(partial).toMatchObject({ kind: 'nothing', outcome: 'partial-refund' });
    expect((partial as { detail: string }).detail).toContain('1000 of 7260 EUR refunded');
    expect(decideStripeEvent(event('charge.refunded', charge({ payment_intent: null })))).toMatchObject({
      kind: 'nothing',
      outcome: 'unknown-payment',
    });
  });

  it('ignores every other type of event', () => {
    expect(decideStripeEvent(event('customer.created', { id: 'cus_1' }))).toEqual({
      kind: 'nothing',
      outcome: 'ignored',
      detail: 'Tessera does not act on customer.created.',
    });
  });
});
