import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { keepFirstPdf, stampOnce, type PdfColumns } from '../set-once-sql';

const RECEIPT_PDF: PdfColumns = { table: 'billing_payments', key: 'receipt_pdf_key', sha256: 'receipt_pdf_sha256' };

/** A payment's receipt: its stored PDF, its e-mail, who may read it. */
@Injectable()
export class ReceiptRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Records where the receipt's PDF is, unless another render got there first; the key that counts. */
  recordPdf(paymentId: string, file: { key: string; sha256: string }): Promise<{ key: string; sha256: string }> {
    return keepFirstPdf(this.transactions.manager, RECEIPT_PDF, paymentId, file);
  }

  /** Marks the receipt e-mailed, once: true for the one caller that did it. */
  markAnnounced(paymentId: string, at: Date): Promise<boolean> {
    return stampOnce(this.transactions.manager, 'billing_payments', 'receipt_announced_at', paymentId, at);
  }

  /** Whether the payment is of one of the members in `members` (the SQL of a set of member ids). */
  async isOfMembers(
    paymentId: string,
    members: { name: string; sql: (placeholder: string) => string },
    value: unknown,
  ): Promise<boolean> {
    const rows = await this.transactions.prepared<{ ok: boolean }>(
      `billing-payment-is-of-${members.name}`,
      `SELECT true AS ok FROM billing_payments p WHERE p.id = $2 AND p.member_id IN ${members.sql('$1')}`,
      [value, paymentId],
    );
    return rows.length > 0;
  }
}
