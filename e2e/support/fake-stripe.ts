import type { FakeStripe } from '@tessera/testing';
import Stripe from 'stripe';

const STRIPE_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'] as const;

/** Starts the fake Stripe and points the API at it (read when the stack starts), with this webhook secret. */
export async function startFakeStripe(fake: FakeStripe, webhookSecret: string): Promise<void> {
  await fake.start();
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: fake.key,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_BASE: fake.baseUrl,
  });
}

/** Stops it and leaves the next stack without online payment. */
export async function stopFakeStripe(fake: FakeStripe): Promise<void> {
  await fake.stop();
  forgetStripe();
}

export function forgetStripe(): void {
  for (const name of STRIPE_ENV) delete process.env[name];
}

/** A webhook body's `stripe-signature` header, as Stripe signs it with the secret (now, or at `timestamp`). */
export const stripeSignature = (payload: string, secret: string, timestamp?: number) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
