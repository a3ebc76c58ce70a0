import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tessera/core';
import Stripe from 'stripe';

/** How long a call to Stripe may take before the member is told to try again (the SDK waits 80 s). */
const TIMEOUT_MS = 20_000;

/**
 * The SDK's options: Stripe's own API unless `apiBase` (STRIPE_API_BASE) names another server,
 * which is how the tests run the real SDK against a local server playing Stripe.
 */
export function stripeClientOptions(apiBase?: string): Stripe.StripeConfig {
  const options: Stripe.StripeConfig = { timeout: TIMEOUT_MS, maxNetworkRetries: 2, telemetry: false };
  if (!apiBase) return options;
  const url = new URL(apiBase);
  return {
    ...options,
    protocol: url.protocol === 'http:' ? 'http' : 'https',
    host: url.hostname,
    port: url.port || (url.protocol === 'http:' ? 80 : 443),
  };
}

/** The Stripe SDK as configured; null when online payment is off (no secret key). */
@Injectable()
export class StripeClient {
  readonly api: Stripe | null;

  constructor(readonly config: AppConfig) {
    this.api =
      config.stripeEnabled && config.STRIPE_SECRET_KEY
        ? new Stripe(config.STRIPE_SECRET_KEY, stripeClientOptions(config.STRIPE_API_BASE))
        : null;
  }
}
