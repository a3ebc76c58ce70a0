import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, ProblemException, Transactions, userIdOf, type Principal } from '@tessera/core';
import { MembersService, SignedInPerson } from '@tessera/members';
import { BillingDocumentQueriesService } from '../billing-document-queries.service';
import { isPayable } from '../billing-document-state';
import type { CheckoutSessionDto } from '../dto/stripe.dto';
import type { BillingDocument } from '../entities/billing-document.entity';
import { checkoutIdempotencyKey, checkoutSessionParams } from './checkout-session-params';
import { StripeClient } from './stripe-client';
import { onlinePaymentUnavailable, stripeUnavailable } from './stripe-problems';

/**
 * "Pay" in the portal: a Stripe Checkout Session for what a member's document owes. Nothing is
 * written here; the payment is recorded when Stripe's webhook says the money arrived.
 */
@Injectable()
export class StripeCheckoutService {
  private readonly logger = new Logger(StripeCheckoutService.name);

  constructor(
    private readonly stripe: StripeClient,
    private readonly config: AppConfig,
    private readonly queries: BillingDocumentQueriesService,
    private readonly members: MembersService,
    private readonly signedIn: SignedInPerson,
    private readonly transactions: Transactions,
  ) {}

  /** Whether "Pay" is offered: both Stripe settings are set. */
  get available(): boolean {
    return this.stripe.api !== null;
  }

  async checkoutOwn(principal: Principal, documentId: string): Promise<CheckoutSessionDto> {
    await this.queries.assertOwn(this.signedIn.personOf, userIdOf(principal), documentId);
    const api = this.stripe.api;
    if (!api) throw onlinePaymentUnavailable();
    const document = await this.queries.find(documentId);
    const amountDue = payableAmount(document);
    const params = checkoutSessionParams(
      {
        id: document.id,
        kind: document.kind,
        number: document.number,
        memberId: document.memberId,
        currency: document.currency,
        locale: document.locale,
        amountDue,
        email: await this.emailOf(document),
      },
      this.config.PUBLIC_URL,
    );
    // A slow or failing Stripe must never hold a connection and its locks.
    if (this.transactions.inTransaction) throw new Error('Stripe is never called inside a database transaction');
    try {
      const session = await api.checkout.sessions.create(params, {
        idempotencyKey: checkoutIdempotencyKey({ id: document.id, amountDue }, params),
      });
      if (!session.url) throw new Error(`Stripe returned session ${session.id} without a URL`);
      return { url: session.url };
    } catch (error) {
      this.logger.error({ err: error, documentId }, 'Creating a Stripe Checkout Session failed');
      throw stripeUnavailable();
    }
  }

  /** The member's contact address now (the document keeps the one it was issued to). */
  private async emailOf(document: BillingDocument): Promise<string | null> {
    try {
      return (await this.members.contactFor(document.memberId)).email;
    } catch (error) {
      if (error instanceof ProblemException) return document.buyer.email;
      throw error;
    }
  }
}

/** What is due on an open invoice or pro-forma; 409 for anything else or when nothing is. */
function payableAmount(document: BillingDocument): number {
  if (!isPayable(document.kind, document.state))
    throw ProblemException.conflict(`${document.number} is ${document.state}: it cannot be paid.`, 'not-payable');
  const due = document.grossAmount - document.allocatedAmount;
  if (due <= 0) throw ProblemException.conflict(`Nothing is due on ${document.number}.`, 'nothing-to-pay');
  return due;
}
