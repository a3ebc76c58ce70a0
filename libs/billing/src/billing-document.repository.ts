import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { payableSql, type DocumentKind, type DocumentState } from './billing-document-state';
import type { SubjectInvoice } from './billing.types';
import { Allocation } from './entities/allocation.entity';
import { BillingDocument } from './entities/billing-document.entity';
import { keepFirstPdf, stampOnce, type PdfColumns } from './set-once-sql';

const DOCUMENT_PDF: PdfColumns = { table: 'billing_documents', key: 'pdf_key', sha256: 'pdf_sha256' };

/** A document as lists show it (one row of SQL, money in minor units, dates YYYY-MM-DD). */
export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  state: DocumentState;
  number: string;
  memberId: string;
  memberNumber: string | null;
  memberName: string;
  currency: string;
  netAmount: number;
  taxAmount: number;
  grossAmount: number;
  allocatedAmount: number;
  issueDate: string;
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  paymentReference: string | null;
  overdue: boolean;
}

export interface DocumentFilter {
  kind?: DocumentKind;
  state?: DocumentState;
  memberId?: string;
  /** Payable and past its due date as of `today`. */
  overdue?: boolean;
  issuedFrom?: string;
  issuedTo?: string;
  /** A number or a part of one. */
  number?: string;
  /** The organisation's local date: what "overdue" is measured against. */
  today: string;
  offset: number;
  limit: number;
}

export interface CurrencyTotal {
  currency: string;
  gross: number;
  amountDue: number;
}

// `overdue` is computed against the caller's "today" (a local date in the organisation's zone).
const ROW_COLUMNS = (today: string) => `
  d.id, d.kind, d.state, d.number, d.member_id AS "memberId", d.buyer->>'memberNumber' AS "memberNumber",
  d.buyer->>'name' AS "memberName", d.currency, d.net_amount AS "netAmount", d.tax_amount AS "taxAmount",
  d.gross_amount AS "grossAmount", d.allocated_amount AS "allocatedAmount",
  to_char(d.issue_date, 'YYYY-MM-DD') AS "issueDate", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate",
  to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd",
  d.payment_reference AS "paymentReference",
  (d.state IN ('open','partially-paid') AND d.kind <> 'credit-note' AND d.due_date < ${today}::date) AS overdue`;

@Injectable()
export class BillingDocumentRepository {
  constructor(private readonly transactions: Transactions) {}

  private get documents() {
    return this.transactions.repository(BillingDocument);
  }

  /**
   * The next number of a series for a year. The series row stays locked until the issuing
   * transaction ends: concurrent issues queue, and a rollback gives the number back (gapless).
   */
  async nextNumber(series: string, year: number): Promise<number> {
    const [row] = (await this.transactions.manager.query(
      `INSERT INTO billing_number_series AS s (series, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (series, year) DO UPDATE SET last_number = s.last_number + 1
       RETURNING last_number`,
      [series, year],
    )) as { last_number: number }[];
    return row.last_number;
  }

  /** A fresh number for a payment reference (unique, gaps allowed). */
  async nextReferenceSequence(): Promise<number> {
    const [row] = (await this.transactions.manager.query(
      `SELECT nextval('billing_payment_reference_seq')::int AS n`,
    )) as { n: number }[];
    return row.n;
  }

  /** Inserts the document with its lines and returns it as stored. */
  async insert(document: Omit<BillingDocument, 'id'>): Promise<BillingDocument> {
    return this.documents.save(this.documents.create(document));
  }

  async findById(id: string): Promise<BillingDocument | null> {
    // find, not findOne: with a relation, findOne's LIMIT costs TypeORM a second (DISTINCT) query.
    const [document] = await this.documents.find({
      where: { id },
      relations: { lines: true },
      order: { lines: { position: 'ASC' } },
    });
    return document ?? null;
  }

  /** Locks the document row for the rest of the transaction: concurrent changes queue here. */
  async lockById(id: string): Promise<BillingDocument | null> {
    const locked = await this.documents.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    return locked ? this.findById(id) : null;
  }

  /** Locks a subject's open pro-formas for periods starting on or after `from` (period order). */
  lockOpenProFormasFrom(subjectType: string, subjectId: string, from: string): Promise<BillingDocument[]> {
    return this.documents
      .createQueryBuilder('d')
      .where(`d.kind = 'pro-forma' AND d.state = 'open'`)
      .andWhere('d.subject_type = :subjectType AND d.subject_id = :subjectId', { subjectType, subjectId })
      .andWhere('d.period_start >= :from::date', { from })
      .orderBy('d.period_start', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Locks all of a subject's open pro-formas (id order, as other multi-document locks). */
  async lockOpenProFormasOf(subjectType: string, subjectId: string): Promise<void> {
    await this.transactions.manager.query(
      `SELECT id FROM billing_documents
        WHERE kind = 'pro-forma' AND state = 'open' AND subject_type = $1 AND subject_id = $2
        ORDER BY id FOR UPDATE`,
      [subjectType, subjectId],
    );
  }

  /** Documents that point to this one: the invoice a pro-forma became, the credit note of an invoice. */
  findRelatedTo(id: string): Promise<BillingDocument[]> {
    return this.documents.find({ where: { relatedDocumentId: id }, order: { issuedAt: 'ASC' } });
  }

  findNumbers(ids: string[]): Promise<Pick<BillingDocument, 'id' | 'number' | 'kind'>[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.documents
      .createQueryBuilder('d')
      .select(['d.id', 'd.number', 'd.kind'])
      .where('d.id IN (:...ids)', { ids })
      .getMany();
  }

  async update(document: BillingDocument): Promise<void> {
    const { lines: _lines, ...columns } = document;
    await this.documents.update({ id: document.id }, columns);
  }

  /** Records where an issued document's PDF is, unless another render got there first; the key that counts. */
  recordPdf(id: string, key: string, sha256: string): Promise<{ key: string; sha256: string }> {
    return keepFirstPdf(this.transactions.manager, DOCUMENT_PDF, id, { key, sha256 });
  }

  /** Marks the document announced, once: true for the one caller that did it. */
  markAnnounced(id: string, at: Date): Promise<boolean> {
    return stampOnce(this.transactions.manager, 'billing_documents', 'announced_at', id, at);
  }

  /** Invoices billing periods of these subjects (not credited), with when each was settled. */
  async subjectInvoices(subjectType: string, subjectIds: string[], zone: string): Promise<SubjectInvoice[]> {
    if (subjectIds.length === 0) return [];
    return (await this.transactions.manager.query(
      `SELECT d.number, d.subject_id AS "subjectId",
              to_char(d.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(d.period_end, 'YYYY-MM-DD') AS "periodEnd",
              to_char(d.issue_date, 'YYYY-MM-DD') AS "issueDate",
              CASE WHEN d.state = 'paid' THEN to_char(d.settled_at AT TIME ZONE $3, 'YYYY-MM-DD') END AS "settledOn"
         FROM billing_documents d
        WHERE d.subject_type = $1 AND d.subject_id = ANY($2::uuid[]) AND d.kind = 'invoice' AND d.state <> 'credited'
          AND d.period_start IS NOT NULL`,
      [subjectType, subjectIds, zone],
    )) as SubjectInvoice[];
  }

  async insertAllocation(allocation: Omit<Allocation, 'id'>): Promise<void> {
    const allocations = this.transactions.repository(Allocation);
    await allocations.insert(allocations.create(allocation));
  }

  /** The staff's list, newest first, with the page's total count and totals per currency. */
  async list(filter: DocumentFilter): Promise<{ rows: DocumentRow[]; total: number; totals: CurrencyTotal[] }> {
    // Postgres cannot type a parameter a statement does not use: each one is bound where it is used.
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.kind) where.push(`d.kind = ${param(filter.kind)}`);
    if (filter.state) where.push(`d.state = ${param(filter.state)}`);
    if (filter.memberId) where.push(`d.member_id = ${param(filter.memberId)}::uuid`);
    if (filter.issuedFrom) where.push(`d.issue_date >= ${param(filter.issuedFrom)}::date`);
    if (filter.issuedTo) where.push(`d.issue_date <= ${param(filter.issuedTo)}::date`);
    if (filter.number) where.push(`d.number ILIKE ${param(`%${filter.number.replace(/[\\%_]/g, '\\$&')}%`)}`);
    if (filter.overdue !== undefined)
      where.push(
        `${filter.overdue ? '' : 'NOT '}(d.state IN ('open','partially-paid') AND d.kind <> 'credit-note' AND d.due_date < ${param(filter.today)}::date)`,
      );
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const totals = (await manager.query(
      `SELECT d.currency, sum(d.gross_amount)::int AS gross, count(*)::int AS count,
              sum(CASE WHEN d.state IN ('open','partially-paid') AND d.kind <> 'credit-note'
                       THEN d.gross_amount - d.allocated_amount ELSE 0 END)::int AS "amountDue"
         FROM billing_documents d ${condition} GROUP BY d.currency ORDER BY d.currency`,
      params,
    )) as (CurrencyTotal & { count: number })[];
    const today = param(filter.today);
    const rows = (await manager.query(
      `SELECT ${ROW_COLUMNS(today)} FROM billing_documents d ${condition}
       ORDER BY d.issue_date DESC, d.number DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as DocumentRow[];
    const total = totals.reduce((sum, row) => sum + row.count, 0);
    return { rows, total, totals: totals.map(({ count: _count, ...row }) => row) };
  }

  /**
   * The documents of the members a signed-in person acts for, newest first, in one prepared
   * statement (`members` is SQL of their member ids from the bound value `$1`).
   */
  async listForMembers(
    members: { name: string; sql: (placeholder: string) => string },
    value: unknown,
    today: string,
    limit: number,
    offset: number,
  ): Promise<(DocumentRow & { total: number })[]> {
    return this.transactions.prepared<DocumentRow & { total: number }>(
      `billing-documents-of-${members.name}`,
      `SELECT ${ROW_COLUMNS('$2')}, count(*) OVER ()::int AS total
         FROM billing_documents d WHERE d.member_id IN ${members.sql('$1')}
        ORDER BY d.issue_date DESC, d.number DESC LIMIT $3 OFFSET $4`,
      [value, today, limit, offset],
    );
  }

  /** Whether a document belongs to one of the members a signed-in person acts for. */
  async isOfMembers(
    id: string,
    members: { name: string; sql: (placeholder: string) => string },
    value: unknown,
  ): Promise<boolean> {
    const rows = await this.transactions.prepared<{ ok: boolean }>(
      `billing-document-is-of-${members.name}`,
      `SELECT true AS ok FROM billing_documents d WHERE d.id = $2 AND d.member_id IN ${members.sql('$1')}`,
      [value, id],
    );
    return rows.length > 0;
  }
}

/**
 * SQL condition: the subject already has a pro-forma for the period starting on `periodStartSql`
 * (for the renewal run's choice of what is due, in the statement that chooses).
 *
 * `OFFSET 0` keeps it a probe of the unique index per row. As a join, PostgreSQL picks its plan
 * from statistics, and a renewal run adds pro-formas by the ten thousand faster than they are
 * analysed: believing the table nearly empty, it scanned every pro-forma for every subscription
 * (bench/renewals: 100,000 due took minutes, each batch slower than the last).
 */
export function proFormaExistsSql(subjectTypeSql: string, subjectIdSql: string, periodStartSql: string): string {
  return `EXISTS (SELECT 1 FROM billing_documents pf WHERE pf.kind = 'pro-forma' AND pf.subject_type = ${subjectTypeSql}
            AND pf.subject_id = ${subjectIdSql} AND pf.period_start = ${periodStartSql} AND pf.state <> 'cancelled' OFFSET 0)`;
}

/**
 * SQL expression: what a member owes minus their credit, in minor units (positive: they owe),
 * for the member `memberIdSql` — open invoices and pro-formas, less money paid beyond what was
 * owed. One currency is assumed (the organisation's); for lists beside other facts of a member.
 */
export function memberBalanceSql(memberIdSql: string): string {
  return `((SELECT coalesce(sum(b.gross_amount - b.allocated_amount), 0) FROM billing_documents b
             WHERE b.member_id = ${memberIdSql}
               AND ${payableSql('b')})
         - (SELECT coalesce(sum(bp.unallocated_amount), 0) FROM billing_payments bp
             WHERE bp.member_id = ${memberIdSql} AND bp.unallocated_amount > 0 AND bp.reversed_at IS NULL))::int`;
}
