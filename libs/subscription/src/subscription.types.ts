import type { IssuedDocument } from '@tessera/billing';
import type { SubscriptionOrigin, SubscriptionState } from './subscription-state';

/** A line sold with the subscription (an order's lines, priced at sale), instead of the plan's price. */
export interface SubscriptionCharge {
  planId: string;
  quantity: number;
  /** Minor units, before tax. */
  unitPrice: number;
}

/** What the domains that make members ask for (registration, orders, staff). */
export interface SubscribeRequest {
  memberId: string;
  planId: string;
  /** A local date; today in the organisation's time zone when left out. */
  startDate?: string;
  origin: { type: SubscriptionOrigin; id: string | null; reference: string | null };
  /** The staff user who asked; null for the system. */
  actorUserId?: string | null;
  /** An order's lines; the plan's price, once, when left out. */
  charges?: SubscriptionCharge[];
}

export type SubscribeOutcome =
  | { created: true; subscriptionId: string; state: SubscriptionState; invoice: IssuedDocument }
  | { created: false; existing: { id: string; state: SubscriptionState } };

/** The subject type of documents that bill a subscription. */
export const SUBSCRIPTION_SUBJECT = 'subscription';
