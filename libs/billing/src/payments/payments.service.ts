import { Injectable } from '@nestjs/common';
import {
  Clock,
  formatYearlyReference,
  localDateIn,
  OutboxService,
  ProblemException,
  Transactions,
} from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { BillingDocumentRepository } from '../billing-document.repository';
import { BillingDocumentsService } from '../billing-documents.service';
import { ANNOUNCE_RECEIPT_JOB, BILLING_QUEUE, type AnnounceReceiptPayload } from '../billing.queue';
import type { Payment } from '../entities/payment.entity';
import type { PaymentMethod, PaymentSource } from './payment-method';
import { PaymentRepository } from './payment.repository';

/** A payment to record, from staff, Stripe's webhook or a bank line. */
export interface PaymentToRecord {
  memberId: string;
  /** Minor units, > 0. */
  amount: number;
  currency: string;
  method: PaymentMethod;
  source: PaymentSource;
  /** Local date the money was received. */
  paidOn: string;
  payer?: string | null;
  externalReference?: string | null;
  /** Unique per payment from outside (Stripe session, bank line): recording it again changes nothing. */
  sourceKey?: string | null;
  /** Documents to pay, in order; what is left is the member's credit. */
  allocations: { documentId: string; amount: number }[];
  recordedByUserId?: string | null;
}

export interface RecordedPayment {
  payment: Payment;
  /** True when this source key was recorded before: nothing new was written. */
  replay: boolean;
}

/**
 * Every way of paying ends here: one payment, its allocations and the documents' new states in
 * one transaction. A pro-forma paid is confirmed into its invoice first; money beyond what is
 * owed becomes the member's credit, used first on their next invoice. Its receipt follows by
 * e-mail (an `announce-receipt` job written in the same transaction).
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly payments: PaymentRepository,
    private readonly documents: BillingDocumentRepository,
    private readonly billing: BillingDocumentsService,
    private readonly settings: OrganisationSettingsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async record(input: PaymentToRecord): Promise<RecordedPayment> {
    assertAllocatable(input);
    return this.transactions.run(async () => {
      if (input.sourceKey) {
        await this.payments.lockSourceKey(input.sourceKey);
        const recorded = await this.payments.findBySourceKey(input.sourceKey);
        if (recorded) return { payment: recorded, replay: true };
      }
      const now = this.clock.now();
      const year = Number(localDateIn((await this.settings.billingTerms()).timeZone, now).slice(0, 4));
      // Recorded with nothing left over until its allocations are made, so a pro-forma confirmed
      // on the way does not take this payment as earlier credit.
      const payment = await this.payments.insert({
        receiptNumber: formatYearlyReference('REC', year, await this.documents.nextNumber('REC', year)),
        memberId: input.memberId,
        amount: input.amount,
        currency: input.currency,
        unallocatedAmount: 0,
        method: input.method,
        source: input.source,
        paidOn: input.paidOn,
        payer: input.payer ?? null,
        externalReference: input.externalReference ?? null,
        sourceKey: input.sourceKey ?? null,
        recordedByUserId: input.recordedByUserId ?? null,
        createdAt: now,
        reversedAt: null,
        reversalReason: null,
        reversedByUserId: null,
        receiptPdfKey: null,
        receiptPdfSha256: null,
        receiptAnnouncedAt: null,
      });
      let left = input.amount;
      for (const allocation of input.allocations) {
        const { allocated } = await this.billing.allocateUpTo(allocation.documentId, payment, allocation.amount);
        left -= allocated;
      }
      payment.unallocatedAmount = left;
      await this.payments.update(payment);
      // The receipt is printed and e-mailed by the worker once this commits.
      await this.outbox.publish<AnnounceReceiptPayload>({
        queue: BILLING_QUEUE,
        name: ANNOUNCE_RECEIPT_JOB,
        payload: { paymentId: payment.id },
      });
      return { payment, replay: false };
    });
  }

  /** A mistaken payment is reversed, never deleted: what it covered is due again, its credit gone. */
  async reverse(id: string, reason: string, userId: string | null): Promise<Payment> {
    return this.transactions.run(async () => {
      const payment = await this.payments.lockById(id);
      if (!payment) throw paymentNotFound();
      if (payment.reversedAt)
        throw ProblemException.conflict(`Payment ${payment.receiptNumber} is already reversed.`, 'already-reversed');
      const now = this.clock.now();
      for (const allocation of await this.payments.lockLiveAllocations(payment.id)) {
        await this.payments.markAllocationReversed(allocation.id, now);
        await this.billing.unallocate(allocation.documentId, allocation.amount);
      }
      payment.unallocatedAmount = 0;
      payment.reversedAt = now;
      payment.reversalReason = reason;
      payment.reversedByUserId = userId;
      await this.payments.update(payment);
      return payment;
    });
  }

  creditOf(memberId: string): Promise<{ currency: string; amount: number }[]> {
    return this.payments.creditOf(memberId);
  }
}

export function paymentNotFound(): ProblemException {
  return ProblemException.notFound('No payment has this id.', 'payment-not-found');
}

/** Allocations in whole minor units that add up to no more than the payment. */
function assertAllocatable(input: PaymentToRecord): void {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw ProblemException.validation([{ field: 'amount', message: 'must be a positive whole number of minor units' }]);
  const total = input.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  if (input.allocations.some((allocation) => !Number.isSafeInteger(allocation.amount) || allocation.amount <= 0))
    throw ProblemException.validation([{ field: 'allocations', message: 'amounts must be positive whole numbers' }]);
  if (total > input.amount)
    throw ProblemException.validation([{ field: 'allocations', message: `add up to ${total}, more than the payment` }]);
}
