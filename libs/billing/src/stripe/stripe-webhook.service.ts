import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, Transactions } from '@tessera/core';
import Stripe from 'stripe';
import { BillingDocumentRepository } from '../billing-document.repository';
import { isPayable } from '../billing-document-state';
import { BillingDocumentsService } from '../billing-documents.service';
import type { StripeWebhookReceiptDto } from '../dto/stripe.dto';
import { PaymentsService } from '../payments/payments.service';
import {
  decideStripeEvent,
  type PaidSession,
  type StripeEventAction,
  type StripeEventOutcome,
} from './stripe-event-decision';
import { StripeEventRepository } from './stripe-event.repository';
import { planSessionPayment, type DocumentPaidOnline } from './stripe-payment-plan';
import { badStripeSignature, onlinePaymentUnavailable, stripeEventFailed } from './stripe-problems';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Applied {
  outcome: StripeEventOutcome;
  detail: string;
  paymentId: string | null;
}

/**
 * POST /webhooks/stripe: an event is believed only with a good signature over the exact bytes
 * received, and acted on once. Its id is written on arrival; its effect (a payment, a reversal)
 * and the mark "processed" commit in one transaction, so a delivery that fails leaves it to
 * Stripe's next retry, and a delivery after success changes nothing. Nothing here calls Stripe.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly events: StripeEventRepository,
    private readonly documents: BillingDocumentRepository,
    private readonly billing: BillingDocumentsService,
    private readonly payments: PaymentsService,
    private readonly clock: Clock,
  ) {}

  async receive(rawBody: string | undefined, signature: unknown): Promise<StripeWebhookReceiptDto> {
    const event = this.verify(rawBody, signature);
    await this.events.recordArrival(event.id, event.type, this.clock.now());
    try {
      return await this.transactions.run(async () => {
        const row = await this.events.lock(event.id);
        if (row?.processedAt)
          return { received: true as const, duplicate: true, outcome: row.outcome as StripeEventOutcome };
        const applied = await this.apply(decideStripeEvent(event));
        await this.events.markProcessed(event.id, this.clock.now(), applied.outcome, applied.detail, applied.paymentId);
        return { received: true as const, duplicate: false, outcome: applied.outcome };
      });
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, eventType: event.type }, 'Processing a Stripe event failed');
      // Best effort: the answer that makes Stripe retry matters more than the note.
      await this.events
        .markFailed(event.id, error instanceof Error ? error.message : String(error))
        .catch(() => undefined);
      throw stripeEventFailed(event.id);
    }
  }

  /** The event, if Stripe signed these bytes less than 5 minutes ago with our secret; else 400. */
  private verify(rawBody: string | undefined, signature: unknown): Stripe.Event {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw onlinePaymentUnavailable();
    if (typeof signature !== 'string' || signature === '')
      throw badStripeSignature('The Stripe-Signature header is missing.');
    if (rawBody === undefined) throw badStripeSignature('The body must be the JSON event Stripe signed.');
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
    } catch {
      throw badStripeSignature('The Stripe-Signature header does not match this body, or is older than 5 minutes.');
    }
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || typeof event.data?.object !== 'object')
      throw badStripeSignature('The signed body is not a Stripe event.');
    return event;
  }

  private async apply(action: StripeEventAction): Promise<Applied> {
    switch (action.kind) {
      case 'nothing':
        return { outcome: action.outcome, detail: action.detail, paymentId: null };
      case 'record-payment':
        return this.recordPayment(action.session);
      case 'reverse-payment':
        return this.reversePayment(action.paymentIntentId, action.chargeId);
    }
  }

  private async recordPayment(session: PaidSession): Promise<Applied> {
    const plan = planSessionPayment(session, await this.documentPaid(session.documentId));
    if (!plan) {
      const detail = `Session ${session.id} (${session.amount} ${session.currency}) names no document of ours.`;
      this.logger.warn({ sessionId: session.id }, detail);
      return { outcome: 'unattributed', detail, paymentId: null };
    }
    if (plan.notes.length > 0)
      this.logger.warn({ sessionId: session.id, notes: plan.notes }, 'Stripe payment mismatch');
    const { payment, replay } = await this.payments.record({
      memberId: plan.memberId,
      amount: session.amount,
      currency: session.currency,
      method: 'stripe',
      source: 'stripe',
      paidOn: await this.billing.today(),
      payer: session.payer,
      externalReference: session.paymentIntentId ?? session.id,
      sourceKey: session.id,
      allocations: plan.allocations,
    });
    if (replay)
      return {
        outcome: 'already-recorded',
        detail: `Session ${session.id} was recorded before as ${payment.receiptNumber}.`,
        paymentId: payment.id,
      };
    const credited = payment.unallocatedAmount;
    return {
      outcome: credited === payment.amount ? 'credit-recorded' : 'payment-recorded',
      detail: [
        `${payment.receiptNumber}: ${payment.amount} ${payment.currency} from session ${session.id}` +
          (credited > 0 ? `, ${credited} of it the member's credit.` : '.'),
        ...plan.notes,
      ].join(' '),
      paymentId: payment.id,
    };
  }

  /** The session's document as it stands; null when the session names none of ours. */
  private async documentPaid(documentId: string | null): Promise<DocumentPaidOnline | null> {
    if (!documentId || !UUID.test(documentId)) return null;
    const document = await this.documents.findById(documentId);
    if (!document) return null;
    return {
      id: document.id,
      number: document.number,
      memberId: document.memberId,
      currency: document.currency,
      amountDue: isPayable(document.kind, document.state) ? document.grossAmount - document.allocatedAmount : 0,
    };
  }

  /** A charge refunded in full takes its payment back: what it covered is due again. */
  private async reversePayment(paymentIntentId: string, chargeId: string): Promise<Applied> {
    const payment = await this.events.findStripePayment(paymentIntentId);
    if (!payment)
      return {
        outcome: 'unknown-payment',
        detail: `No payment came from ${paymentIntentId} (charge ${chargeId}).`,
        paymentId: null,
      };
    if (payment.reversedAt)
      return {
        outcome: 'already-reversed',
        detail: `${payment.receiptNumber} was reversed before.`,
        paymentId: payment.id,
      };
    await this.payments.reverse(payment.id, `Refunded in Stripe (charge ${chargeId}).`, null);
    return {
      outcome: 'payment-reversed',
      detail: `${payment.receiptNumber} reversed: charge ${chargeId} refunded in full.`,
      paymentId: payment.id,
    };
  }
}
