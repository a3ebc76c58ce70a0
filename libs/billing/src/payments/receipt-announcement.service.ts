import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, Transactions } from '@tessera/core';
import { MailService } from '@tessera/notifications';
import type { AnnouncementOutcome } from '../document-announcement.service';
import { formatDocumentDate, formatDocumentMoney } from '../document-format';
import { receiptStrings } from '../pdf/receipt-strings';
import { PaymentRepository } from './payment.repository';
import { ReceiptPdfService } from './receipt-pdf.service';
import { ReceiptRepository } from './receipt.repository';

/**
 * E-mails the member the receipt of a payment just recorded, its PDF attached. Run by the worker
 * after the payment commits; run twice, it e-mails once (the payment is marked in the e-mail's
 * transaction). A payment reversed before its e-mail went gets none: the portal shows it.
 */
@Injectable()
export class ReceiptAnnouncementService {
  constructor(
    private readonly transactions: Transactions,
    private readonly payments: PaymentRepository,
    private readonly receipts: ReceiptRepository,
    private readonly pdfs: ReceiptPdfService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async announce(paymentId: string): Promise<AnnouncementOutcome> {
    const payment = await this.payments.findById(paymentId);
    if (!payment) return 'not-found';
    if (payment.receiptAnnouncedAt) return 'already-announced';
    // Rendered outside the transaction (it is slow and idempotent); stored once either way.
    const receipt = await this.pdfs.receiptOf(payment);
    const pdf = await this.pdfs.ensure(payment, receipt);
    const email = receipt.member.email;
    if (payment.reversedAt || !email) return 'nothing-to-announce';
    const { locale, currency } = receipt;
    const money = (amount: number) => formatDocumentMoney(amount, currency, locale);
    return this.transactions.run(async () => {
      if (!(await this.receipts.markAnnounced(payment.id, this.clock.now()))) return 'already-announced';
      await this.mail.send({
        to: email,
        template: 'payment-receipt',
        locale,
        data: {
          name: receipt.member.name,
          number: receipt.number,
          amount: money(receipt.amount),
          receivedOn: formatDocumentDate(receipt.receivedOn, locale),
          method: receiptStrings[locale].methods[receipt.method],
          documents: receipt.applied.map((row) => ({ number: row.number, amount: money(row.amount) })),
          credit: receipt.credit > 0 ? money(receipt.credit) : null,
          url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/portal/payments`,
        },
        attachments: [{ filename: pdf.filename, storageKey: pdf.key, contentType: 'application/pdf' }],
      });
      return 'announced';
    });
  }
}
