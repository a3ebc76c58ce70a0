import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { FileStorage, localDateIn } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { OrganisationSettingsService } from '@tessera/settings';
import type { Payment } from '../entities/payment.entity';
import { pdfSellerOf } from '../pdf/pdf-seller';
import type { ReceiptPdf } from '../pdf/receipt-pdf.types';
import { renderReceiptPdf } from '../pdf/render-receipt-pdf';
import { storePdfOnce, type StoredPdf } from '../stored-pdf';
import { PaymentQueries } from './payment-queries';
import { PaymentRepository } from './payment.repository';
import { paymentNotFound } from './payments.service';
import { ReceiptRepository } from './receipt.repository';

/**
 * A payment's receipt as a PDF: rendered once — by the announcement job, or on first download —
 * stored under STORAGE_DIR with its SHA-256, and never rendered again. Like an invoice it is a
 * record of its moment: a later reversal shows in the portal, not in a receipt already printed.
 */
@Injectable()
export class ReceiptPdfService {
  private readonly logger = new Logger(ReceiptPdfService.name);

  constructor(
    private readonly payments: PaymentRepository,
    private readonly queries: PaymentQueries,
    private readonly receipts: ReceiptRepository,
    private readonly members: MembersService,
    private readonly settings: OrganisationSettingsService,
    private readonly storage: FileStorage,
  ) {}

  async find(paymentId: string): Promise<Payment> {
    const payment = await this.payments.findById(paymentId);
    if (!payment) throw paymentNotFound();
    return payment;
  }

  /** The stored receipt, rendering and storing it first if this is its first use. */
  async ensure(payment: Payment, receipt?: ReceiptPdf): Promise<StoredPdf> {
    const pdf = await storePdfOnce(this.storage, {
      filename: `${payment.receiptNumber}.pdf`,
      stored: { key: payment.receiptPdfKey, sha256: payment.receiptPdfSha256 },
      render: async () => renderReceiptPdf(receipt ?? (await this.receiptOf(payment))),
      record: (file) => this.receipts.recordPdf(payment.id, file),
    });
    if (pdf.rendered) this.logger.log(`Stored the receipt ${payment.receiptNumber}`);
    return { key: pdf.key, sha256: pdf.sha256, filename: pdf.filename };
  }

  open(pdf: StoredPdf): Readable {
    return this.storage.read(pdf.key);
  }

  /** What the receipt prints, in the member's language (a payment has none of its own). */
  async receiptOf(payment: Payment): Promise<ReceiptPdf> {
    const [row, member, profile] = await Promise.all([
      this.queries.find(payment.id),
      this.members.billingDetails(payment.memberId),
      this.settings.billingProfile(),
    ]);
    if (!row) throw paymentNotFound();
    const reversed = payment.reversedAt !== null;
    return {
      locale: member.locale,
      number: payment.receiptNumber,
      receivedOn: payment.paidOn,
      currency: payment.currency,
      seller: pdfSellerOf(profile),
      member: {
        name: member.name,
        address: member.address,
        companyNumber: member.companyNumber,
        vatNumber: member.vatNumber,
        memberNumber: member.memberNumber,
        email: member.email,
      },
      amount: payment.amount,
      method: payment.method,
      reference: payment.externalReference,
      payer: payment.payer,
      // A reversed payment's receipt still names what it had paid, under its banner.
      applied: row.allocations
        .filter((allocation) => reversed || !allocation.reversed)
        .map((allocation) => ({ number: allocation.number, amount: allocation.amount })),
      credit: reversed ? 0 : payment.unallocatedAmount,
      reversal:
        payment.reversedAt && payment.reversalReason
          ? { on: localDateIn(profile.timeZone, payment.reversedAt), reason: payment.reversalReason }
          : null,
    };
  }
}
