import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { DocumentKind } from '../billing-document-state';

/** A document to pay online, and whom Checkout greets. */
export interface DocumentToPayOnline {
  id: string;
  kind: DocumentKind;
  number: string;
  memberId: string;
  currency: string;
  locale: 'en' | 'fr';
  /** Minor units, > 0. */
  amountDue: number;
  email: string | null;
}

/**
 * The portal page a member pays a document from, where Checkout sends them back: capital release
 * requests are paid from "My shares", everything else from "My invoices".
 */
export function portalPageOf(kind: DocumentKind): string {
  return kind === 'capital-release' ? 'shares' : 'invoices';
}

/**
 * The Checkout Session for one document: one line named by its number, for what is due, and the
 * metadata the webhook needs to find the document again (on the payment intent too, so a refund
 * in Stripe's dashboard still shows which document it was).
 */
export function checkoutSessionParams(
  document: DocumentToPayOnline,
  publicUrl: string,
): Stripe.Checkout.SessionCreateParams {
  const portal = `${publicUrl.replace(/\/$/, '')}/portal/${portalPageOf(document.kind)}`;
  const metadata = { documentId: document.id, memberId: document.memberId, number: document.number };
  return {
    mode: 'payment',
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: document.currency.toLowerCase(),
          unit_amount: document.amountDue,
          product_data: { name: document.number },
        },
      },
    ],
    ...(document.email ? { customer_email: document.email } : {}),
    client_reference_id: document.id,
    metadata,
    payment_intent_data: { metadata },
    locale: document.locale,
    success_url: `${portal}?paid=${document.id}`,
    cancel_url: `${portal}?cancelled=${document.id}`,
  };
}

/**
 * One key per document, amount due and request: a double click (or a retry) gets the session
 * Stripe made the first time; once something is paid, or anything in the request changes, the
 * key changes too (Stripe refuses a known key with other parameters).
 */
export function checkoutIdempotencyKey(
  document: Pick<DocumentToPayOnline, 'id' | 'amountDue'>,
  params: Stripe.Checkout.SessionCreateParams,
): string {
  const digest = createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16);
  return `tessera-checkout-${document.id}-${document.amountDue}-${digest}`;
}
