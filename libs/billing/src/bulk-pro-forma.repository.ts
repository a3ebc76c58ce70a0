import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { memberBuyerSql } from '@tessera/members';
import { proFormaExistsSql } from './billing-document.repository';
import { ANNOUNCE_DOCUMENT_JOB, BILLING_QUEUE } from './billing.queue';

/** One pro-forma of a bulk issue, with its one line (quantity 1). */
export interface ProFormaRow {
  memberId: string;
  subjectId: string;
  periodStart: string;
  periodEnd: string;
  description: string;
  /** Net, minor units. */
  unitPrice: number;
  taxRateBps: number;
  currency: string;
  /** Its payment reference, if it has an amount (references may be spent on rows not issued). */
  paymentReference: string | null;
}

export interface BulkIssued {
  documentId: string;
  currency: string;
  grossAmount: number;
}

const BUYER = memberBuyerSql('p.member_id');

/**
 * Set-based issuing of pro-formas (renewal runs): documents, lines and their announcement jobs in
 * three data-modifying CTEs of one statement, a batch of thousands at a time.
 */
@Injectable()
export class BulkProFormaRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Locks the pro-forma series of the year for the rest of the transaction and returns its last
   * number. Taken before anything is counted, so a concurrent batch waits here and then sees the
   * documents this one committed (READ COMMITTED: each statement sees what is committed before it).
   */
  async lockSeries(year: number): Promise<number> {
    const manager = this.transactions.manager;
    await manager.query(
      `INSERT INTO billing_number_series (series, year, last_number) VALUES ('PRO', $1, 0) ON CONFLICT DO NOTHING`,
      [year],
    );
    const [row] = (await manager.query(
      `SELECT last_number FROM billing_number_series WHERE series = 'PRO' AND year = $1 FOR UPDATE`,
      [year],
    )) as { last_number: number }[];
    return row.last_number;
  }

  async setLastNumber(year: number, lastNumber: number): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE billing_number_series SET last_number = $2 WHERE series = 'PRO' AND year = $1`,
      [year, lastNumber],
    );
  }

  /** Fresh numbers for `count` payment references. */
  async nextReferenceSequences(count: number): Promise<number[]> {
    const rows = (await this.transactions.manager.query(
      `SELECT nextval('billing_payment_reference_seq')::int AS n FROM generate_series(1, $1)`,
      [count],
    )) as { n: number }[];
    return rows.map((row) => row.n);
  }

  /**
   * Issues a pro-forma for each row that has none yet for its subject and period start, numbered
   * from `lastNumber + 1` in member order; returns those issued. The caller holds the series lock.
   */
  async insert(
    subjectType: string,
    rows: ProFormaRow[],
    header: { year: number; lastNumber: number; issueDate: string; dueDate: string; issuedAt: Date },
  ): Promise<BulkIssued[]> {
    const column = <K extends keyof ProFormaRow>(key: K) => rows.map((row) => row[key]);
    // Thousands of rows through index probes and sub-selects cost enough on paper to be compiled
    // by JIT, which takes longer (~40 ms a batch) than it ever saves on such a statement.
    await this.transactions.manager.query(`SET LOCAL jit = off`);
    return (await this.transactions.manager.query(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[], $5::text[], $6::int[], $7::int[],
                              $8::text[], $9::text[])
           AS t(member_id, subject_id, period_start, period_end, description, unit_price, tax_rate_bps,
                currency, payment_reference)),
       priced AS (
         SELECT i.*, i.unit_price AS net,
                -- Half away from zero, as priceLines rounds (amounts here are never negative).
                ((i.unit_price::bigint * i.tax_rate_bps + 5000) / 10000)::int AS tax,
                row_number() OVER (ORDER BY i.member_id, i.subject_id, i.period_start) AS rn
           FROM input i
          WHERE NOT ${proFormaExistsSql('$10', 'i.subject_id', 'i.period_start')}),
       documents AS (
         INSERT INTO billing_documents (kind, state, number, member_id, buyer, locale, currency, net_amount,
                tax_amount, gross_amount, issue_date, due_date, period_start, period_end, payment_reference,
                subject_type, subject_id, issued_at, updated_at)
         SELECT 'pro-forma', 'open', 'PRO-' || $11::int || '-' || lpad(($12::int + p.rn)::text, 6, '0'), p.member_id,
                ${BUYER.buyer}, ${BUYER.locale}, p.currency, p.net, p.tax, p.net + p.tax, $13::date, $14::date,
                p.period_start, p.period_end, CASE WHEN p.net + p.tax > 0 THEN p.payment_reference END,
                $10, p.subject_id, $15, $15
           FROM priced p
         RETURNING id, subject_id, period_start, currency, gross_amount),
       lines AS (
         INSERT INTO billing_document_lines (document_id, position, description, period_start, period_end, quantity,
                unit_price, tax_rate_bps, net_amount, tax_amount)
         SELECT d.id, 0, p.description, p.period_start, p.period_end, 1, p.unit_price, p.tax_rate_bps, p.net, p.tax
           FROM documents d JOIN priced p ON p.subject_id = d.subject_id AND p.period_start = d.period_start),
       announcements AS (
         INSERT INTO outbox_messages (queue, job_name, payload)
         SELECT '${BILLING_QUEUE}', '${ANNOUNCE_DOCUMENT_JOB}', jsonb_build_object('documentId', d.id) FROM documents d)
       SELECT d.id AS "documentId", d.currency, d.gross_amount AS "grossAmount" FROM documents d`,
      [
        column('memberId'),
        column('subjectId'),
        column('periodStart'),
        column('periodEnd'),
        column('description'),
        column('unitPrice'),
        column('taxRateBps'),
        column('currency'),
        column('paymentReference'),
        subjectType,
        header.year,
        header.lastNumber,
        header.issueDate,
        header.dueDate,
        header.issuedAt,
      ],
    )) as BulkIssued[];
  }
}
