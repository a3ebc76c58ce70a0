import type Stripe from 'stripe';

/** What the webhook did with an event, kept on its `stripe_events` row. */
export const STRIPE_EVENT_OUTCOMES = [
  /** A payment recorded and allocated to the document (what is not due is the member's credit). */
  'payment-recorded',
  /** A payment recorded entirely as the member's credit: nothing was due, or it did not match the document. */
  'credit-recorded',
  /** The session's payment was recorded before (e.g. `completed`, then `async_payment_succeeded`). */
  'already-recorded',
  /** Checkout completed with a delayed method (a bank debit): the money comes with a later event. */
  'awaiting-payment',
  /** The delayed payment failed: nothing was paid. */
  'payment-failed',
  'payment-reversed',
  'already-reversed',
  /** Part of a charge refunded: left for finance to settle (a payment is reversed whole or not at all). */
  'partial-refund',
  /** A refund of a charge no payment of ours came from. */
  'unknown-payment',
  /** A paid session naming no document of ours (another product on the same Stripe account). */
  'unattributed',
  /** A type of event Tessera does not act on. */
  'ignored',
] as const;
export type StripeEventOutcome = (typeof STRIPE_EVENT_OUTCOMES)[number];

/** A paid Checkout Session, as billing needs it. */
export interface PaidSession {
  id: string;
  /** Minor units, as Stripe charged them. */
  amount: number;
  /** Upper case, like billing's currencies. */
  currency: string;
  documentId: string | null;
  memberId: string | null;
  /** pi_…: what a refund names; the payment's external reference. */
  paymentIntentId: string | null;
  payer: string | null;
}

export type StripeEventAction =
  | { kind: 'record-payment'; session: PaidSession }
  | { kind: 'reverse-payment'; paymentIntentId: string; chargeId: string }
  | { kind: 'nothing'; outcome: StripeEventOutcome; detail: string };

const nothing = (outcome: StripeEventOutcome, detail: string): StripeEventAction => ({
  kind: 'nothing',
  outcome,
  detail,
});

/** What an event asks of billing: the one place deciding which events move money. */
export function decideStripeEvent(event: Stripe.Event): StripeEventAction {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      // Cards are paid when Checkout completes; delayed methods say `unpaid` and send
      // async_payment_succeeded or _failed later.
      if (session.payment_status !== 'paid')
        return nothing('awaiting-payment', `Checkout completed with payment status "${session.payment_status}".`);
      return paidSession(session);
    }
    case 'checkout.session.async_payment_succeeded':
      return paidSession(event.data.object);
    case 'checkout.session.async_payment_failed':
      return nothing('payment-failed', `The delayed payment of session ${event.data.object.id} failed.`);
    case 'charge.refunded':
      return refund(event.data.object);
    default:
      return nothing('ignored', `Tessera does not act on ${event.type}.`);
  }
}

function paidSession(session: Stripe.Checkout.Session): StripeEventAction {
  const amount = session.amount_total ?? 0;
  if (amount <= 0 || !session.currency)
    return nothing('unattributed', `Session ${session.id} has no amount to record.`);
  return {
    kind: 'record-payment',
    session: {
      id: session.id,
      amount,
      currency: session.currency.toUpperCase(),
      documentId: session.metadata?.documentId ?? session.client_reference_id ?? null,
      memberId: session.metadata?.memberId ?? null,
      paymentIntentId: idOf(session.payment_intent),
      payer: session.customer_details?.name ?? session.customer_details?.email ?? session.customer_email ?? null,
    },
  };
}

function refund(charge: Stripe.Charge): StripeEventAction {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return nothing('unknown-payment', `Charge ${charge.id} belongs to no payment intent.`);
  // `refunded` is true once the whole charge is refunded; each partial refund sends this event too.
  if (!charge.refunded || charge.amount_refunded < charge.amount)
    return nothing(
      'partial-refund',
      `Charge ${charge.id}: ${charge.amount_refunded} of ${charge.amount} ${charge.currency.toUpperCase()} refunded. ` +
        'A payment is reversed only when refunded in full; finance settles a partial refund (a credit note).',
    );
  return { kind: 'reverse-payment', paymentIntentId, chargeId: charge.id };
}

function idOf(reference: string | { id: string } | null | undefined): string | null {
  if (!reference) return null;
  return typeof reference === 'string' ? reference : reference.id;
}
