import type { AppConfig, Principal, Transactions } from '@tessera/core';
import type { MembersService, SignedInPerson } from '@tessera/members';
import { FakeStripe } from '@tessera/testing';
import Stripe from 'stripe';
import type { BillingDocumentQueriesService } from '../billing-document-queries.service';
import type { BillingDocument } from '../entities/billing-document.entity';
import { stripeClientOptions, type StripeClient } from './stripe-client';
import { StripeCheckoutService } from './stripe-checkout.service';

const invoice = {
  id: '5b0c4c1e-8a43-4d5e-9a37-0c7f1f0b2f11',
  number: 'INV-2026-000007',
  kind: 'invoice',
  state: 'open',
  memberId: '0f3e0c55-1d7b-4c1a-9f0e-6a2f6f1f4c22',
  currency: 'EUR',
  locale: 'en',
  grossAmount: 7260,
  allocatedAmount: 0,
  buyer: { email: 'marie@example.test' },
} as unknown as BillingDocument;
const member = { kind: 'user', userId: 'u1' } as unknown as Principal;

/**
 * "Pay" calls Stripe over the network: never while a database transaction is open, where a slow
 * Stripe would hold a connection and the locks taken so far.
 */
describe('StripeCheckoutService', () => {
  const fake = new FakeStripe('sk_test_checkout_unit');
  let inTransaction = false;
  let service: StripeCheckoutService;

  beforeAll(async () => {
    await fake.start();
    const client = { api: new Stripe(fake.key, stripeClientOptions(fake.baseUrl)) } as StripeClient;
    const queries = { assertOwn: async () => undefined, find: async () => invoice };
    const members = { contactFor: async () => ({ email: 'marie@example.test' }) };
    service = new StripeCheckoutService(
      client,
      { PUBLIC_URL: 'https://members.example.org' } as AppConfig,
      queries as unknown as BillingDocumentQueriesService,
      members as unknown as MembersService,
      { personOf: {} } as unknown as SignedInPerson,
      {
        get inTransaction() {
          return inTransaction;
        },
      } as Transactions,
    );
  });
  afterAll(() => fake.stop());

  it('refuses to call Stripe inside a transaction, and calls it outside one', async () => {
    inTransaction = true;
    await expect(service.checkoutOwn(member, invoice.id)).rejects.toThrow(
      'Stripe is never called inside a database transaction',
    );
    expect(fake.sessionCreations()).toHaveLength(0);

    inTransaction = false;
    const session = await service.checkoutOwn(member, invoice.id);
    expect(session.url).toMatch(new RegExp(`^${fake.baseUrl}/pay/cs_test_`));
    expect(fake.sessionCreations()).toHaveLength(1);
  });
});
