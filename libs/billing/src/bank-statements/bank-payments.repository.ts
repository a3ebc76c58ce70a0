import { ANNOUNCE_RECEIPT_JOB, BILLING_QUEUE } from '../billing.queue';
import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type { DocumentKind, DocumentState } from '../billing-document-state';

/** A document as the bulk recorder locks it: what allocating to it and telling its listener need. */
export interface LockedDocument {
  id: string;
  kind: DocumentKind;
  state: DocumentState;
  number: string;
  memberId: string;
  currency: string;
  grossAmount: number;
  allocatedAmount: number;
  subjectType: string | null;
  subjectId: string | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** A payment of a bank line, ready to insert (its receipt number given). */
export interface BankPaymentRow {
  receiptNumber: string;
  memberId: string;
  amount: number;
  currency: string;
  unallocatedAmount: number;
  paidOn: string;
  payer: string | null;
  externalReference: string | null;
  sourceKey: string;
  recordedByUserId: string | null;
}

/**
 * Set-based SQL for recording many bank payments in one transaction: the same rows
 * PaymentsService.record writes (billing_payments, billing_allocations, the documents' amounts
 * and states, the REC series), a statement per step rather than a dozen per payment.
 */
@Injectable()
export class BankPaymentsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  /**
   * Locks the year's receipt series first, as PaymentsService.record does (its first step takes
   * the next number), so a bulk batch and a single payment wait for each other in one order.
   */
  async lockReceiptSeries(year: number): Promise<number> {
    await this.manager.query(
      `INSERT INTO billing_number_series (series, year, last_number) VALUES ('REC', $1, 0) ON CONFLICT DO NOTHING`,
      [year],
    );
    const [row] = (await this.manager.query(
      `SELECT last_number AS "lastNumber" FROM billing_number_series WHERE series = 'REC' AND year = $1 FOR UPDATE`,
      [year],
    )) as { lastNumber: number }[];
    return row.lastNumber;
  }

  async setLastReceiptNumber(year: number, lastNumber: number): Promise<void> {
    await this.manager.query(`UPDATE billing_number_series SET last_number = $2 WHERE series = 'REC' AND year = $1`, [
      year,
      lastNumber,
    ]);
  }

  /** Payments recorded already under these source keys. */
  async paymentsByKey(sourceKeys: string[]): Promise<Map<string, string>> {
    const rows = (await this.manager.query(
      `SELECT source_key AS "sourceKey", id FROM billing_payments WHERE source_key = ANY($1::text[])`,
      [sourceKeys],
    )) as { sourceKey: string; id: string }[];
    return new Map(rows.map((row) => [row.sourceKey, row.id]));
  }

  /** Locks the documents, in id order (a fixed order: two batches never wait for each other in a circle). */
  lockDocuments(ids: string[]): Promise<LockedDocument[]> {
    return this.manager.query(
      `SELECT id, kind, state, number, member_id AS "memberId", currency, gross_amount AS "grossAmount",
              allocated_amount AS "allocatedAmount", subject_type AS "subjectType", subject_id AS "subjectId",
              to_char(period_start, 'YYYY-MM-DD') AS "periodStart", to_char(period_end, 'YYYY-MM-DD') AS "periodEnd"
         FROM billing_documents WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    ) as Promise<LockedDocument[]>;
  }

  /**
   * Inserts the payments and, in the same statement, each one's receipt announcement (PDF and
   * e-mail, as `PaymentsService.record` writes it); gives their ids by source key.
   */
  async insertPayments(rows: BankPaymentRow[], now: Date): Promise<Map<string, string>> {
    if (rows.length === 0) return new Map();
    const inserted = (await this.manager.query(
      `WITH payments AS (
         INSERT INTO billing_payments (receipt_number, member_id, amount, currency, unallocated_amount, method, source,
                                       paid_on, payer, external_reference, source_key, recorded_by_user_id, created_at)
         SELECT r."receiptNumber", r."memberId", r.amount, r.currency, r."unallocatedAmount", 'bank-transfer', 'bank',
                r."paidOn", r.payer, r."externalReference", r."sourceKey", r."recordedByUserId", $2
           FROM jsonb_to_recordset($1::jsonb) AS r("receiptNumber" text, "memberId" uuid, amount int, currency text,
                  "unallocatedAmount" int, "paidOn" date, payer text, "externalReference" text, "sourceKey" text,
                  "recordedByUserId" uuid)
         RETURNING id, source_key),
       announcements AS (
         INSERT INTO outbox_messages (queue, job_name, payload)
         SELECT '${BILLING_QUEUE}', '${ANNOUNCE_RECEIPT_JOB}', jsonb_build_object('paymentId', p.id) FROM payments p)
       SELECT id, source_key AS "sourceKey" FROM payments`,
      [JSON.stringify(rows), now],
    )) as { id: string; sourceKey: string }[];
    return new Map(inserted.map((row) => [row.sourceKey, row.id]));
  }

  async insertAllocations(rows: { documentId: string; paymentId: string; amount: number }[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.manager.query(
      `INSERT INTO billing_allocations (document_id, payment_id, amount, allocated_at)
       SELECT * , $4::timestamptz FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
      [rows.map((r) => r.documentId), rows.map((r) => r.paymentId), rows.map((r) => r.amount), now],
    );
  }

  /** The documents' new allocated amounts and states; settled_at for those now paid. */
  async updateDocuments(
    rows: { id: string; allocatedAmount: number; state: DocumentState }[],
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.manager.query(
      `UPDATE billing_documents d SET allocated_amount = r.allocated, state = r.state, updated_at = $4,
              settled_at = CASE WHEN r.state = 'paid' THEN $4 ELSE d.settled_at END
         FROM unnest($1::uuid[], $2::int[], $3::text[]) AS r(id, allocated, state) WHERE d.id = r.id`,
      [rows.map((r) => r.id), rows.map((r) => r.allocatedAmount), rows.map((r) => r.state), now],
    );
  }
}
