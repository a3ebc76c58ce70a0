import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { payableSql } from '../billing-document-state';
import type { BankStatementLine } from './bank-statement.types';
import type { BankLineState } from './bank-line-state';
import { ImportedStatement } from './entities/imported-statement.entity';
import { StatementLine } from './entities/statement-line.entity';
import type { CandidateDocument } from './reconciliation-plan';

/** A line to store, with what the import decided before storing it. */
export interface LineToStore extends BankStatementLine {
  position: number;
  dedupeKey: string;
  references: string[];
  /** `to-review`, `suggested` or `ignored`; the insert makes it `duplicate` when its key is known. */
  state: Extract<BankLineState, 'to-review' | 'suggested' | 'ignored'>;
  referenceDocumentId: string | null;
  suggestedDocumentId: string | null;
}

/** One of finance's decisions on a line, as kept in bank_statement_line_decisions. */
export interface LineDecisionRecord {
  lineId: string;
  action: 'resolve' | 'ignore' | 'reopen';
  note: string | null;
  paymentId: string | null;
  userId: string | null;
  at: Date;
}

export type StatementSummary = Pick<ImportedStatement, 'matched' | 'suggested' | 'toReview' | 'duplicates' | 'ignored'>;

const CANDIDATE_COLUMNS = `
  d.id, d.member_id AS "memberId", d.kind, d.state, d.currency, d.payment_reference AS "paymentReference",
  (d.gross_amount - d.allocated_amount)::int AS "amountDue", coalesce(d.buyer->>'name', '') AS "buyerName"`;

/** The only place that speaks SQL for bank_statements and bank_statement_lines. */
@Injectable()
export class BankStatementRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  /** Serialises imports of one account until the transaction ends, so a line is found a duplicate reliably. */
  async lockAccount(accountIban: string | null): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [
      `bank-account:${accountIban ?? ''}`,
    ]);
  }

  async statementIdOfFile(fileSha256: string): Promise<string | null> {
    const [row] = (await this.manager.query(`SELECT id FROM bank_statements WHERE file_sha256 = $1`, [fileSha256])) as {
      id: string;
    }[];
    return row?.id ?? null;
  }

  async insertStatement(statement: Omit<ImportedStatement, 'id'>): Promise<ImportedStatement> {
    const repository = this.transactions.repository(ImportedStatement);
    return repository.save(repository.create(statement));
  }

  /**
   * Stores every line in one statement. A line whose key a line of an earlier import holds is
   * stored as its `duplicate` (and decided nothing): the partial unique index on dedupe_key
   * backs this up, under the account lock.
   */
  async insertLines(statementId: string, lines: LineToStore[]): Promise<void> {
    if (lines.length === 0) return;
    const rows = lines.map((line) => ({
      position: line.position,
      line_key: line.lineKey,
      dedupe_key: line.dedupeKey,
      booking_date: line.bookingDate,
      value_date: line.valueDate,
      amount: line.amount,
      currency: line.currency,
      direction: line.direction,
      counterparty_name: line.counterpartyName,
      counterparty_iban: line.counterpartyIban,
      structured_reference: line.structuredReference,
      remittance_text: line.remittanceText,
      end_to_end_id: line.endToEndId,
      bank_reference: line.bankReference,
      payment_references: line.references,
      state: line.state,
      reference_document_id: line.referenceDocumentId,
      suggested_document_id: line.suggestedDocumentId,
    }));
    await this.manager.query(
      `INSERT INTO bank_statement_lines (statement_id, position, line_key, dedupe_key, booking_date, value_date, amount,
         currency, direction, counterparty_name, counterparty_iban, structured_reference, remittance_text,
         end_to_end_id, bank_reference, payment_references, state, reference_document_id, suggested_document_id,
         duplicate_of_line_id)
       SELECT $1, r.position, r.line_key, r.dedupe_key, r.booking_date, r.value_date, r.amount, r.currency,
              r.direction, r.counterparty_name, r.counterparty_iban, r.structured_reference, r.remittance_text,
              r.end_to_end_id, r.bank_reference, r.payment_references,
              CASE WHEN earlier.id IS NULL THEN r.state ELSE 'duplicate' END,
              CASE WHEN earlier.id IS NULL THEN r.reference_document_id END,
              CASE WHEN earlier.id IS NULL THEN r.suggested_document_id END,
              earlier.id
         FROM jsonb_to_recordset($2::jsonb) AS r(position int, line_key text, dedupe_key text, booking_date date,
                value_date date, amount bigint, currency text, direction text, counterparty_name text,
                counterparty_iban text, structured_reference text, remittance_text text, end_to_end_id text,
                bank_reference text, payment_references text[], state text, reference_document_id uuid,
                suggested_document_id uuid)
         LEFT JOIN bank_statement_lines earlier ON earlier.dedupe_key = r.dedupe_key AND earlier.state <> 'duplicate'`,
      [statementId, JSON.stringify(rows)],
    );
  }

  /**
   * Locks the lines at these positions that still wait for a decision, and gives their ids and
   * dedupe keys: a line resolved by hand meanwhile, or stored as a duplicate, is left out.
   */
  async lockUndecided(
    statementId: string,
    positions: number[],
  ): Promise<{ id: string; position: number; dedupeKey: string }[]> {
    return (await this.manager.query(
      `SELECT id, position, dedupe_key AS "dedupeKey" FROM bank_statement_lines
        WHERE statement_id = $1 AND position = ANY($2::int[]) AND state IN ('to-review','suggested')
        ORDER BY position FOR UPDATE`,
      [statementId, positions],
    )) as { id: string; position: number; dedupeKey: string }[];
  }

  /** Lines matched by the import, each with its payment, in one statement. */
  async markMatched(matched: { id: string; paymentId: string }[]): Promise<void> {
    if (matched.length === 0) return;
    await this.manager.query(
      `UPDATE bank_statement_lines l SET state = 'matched', payment_id = m.payment_id
         FROM unnest($1::uuid[], $2::uuid[]) AS m(id, payment_id) WHERE l.id = m.id`,
      [matched.map((m) => m.id), matched.map((m) => m.paymentId)],
    );
  }

  /** Counts the statement's lines by state and keeps them as its import summary. */
  async summarise(statementId: string): Promise<StatementSummary> {
    // An UPDATE through TypeORM answers [rows, count].
    const [rows] = (await this.manager.query(
      `UPDATE bank_statements s SET matched = c.matched, suggested = c.suggested, to_review = c.to_review,
              duplicates = c.duplicates, ignored = c.ignored
         FROM (SELECT count(*) FILTER (WHERE state = 'matched')::int AS matched,
                      count(*) FILTER (WHERE state = 'suggested')::int AS suggested,
                      count(*) FILTER (WHERE state = 'to-review')::int AS to_review,
                      count(*) FILTER (WHERE state = 'duplicate')::int AS duplicates,
                      count(*) FILTER (WHERE state = 'ignored')::int AS ignored
                 FROM bank_statement_lines WHERE statement_id = $1) c
        WHERE s.id = $1
        RETURNING s.matched, s.suggested, s.to_review AS "toReview", s.duplicates, s.ignored`,
      [statementId],
    )) as [StatementSummary[], number];
    return rows[0];
  }

  lockLine(id: string): Promise<StatementLine | null> {
    return this.transactions.repository(StatementLine).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateLine(line: StatementLine): Promise<void> {
    await this.transactions.repository(StatementLine).update({ id: line.id }, line);
  }

  /** Keeps one of finance's decisions on a line, beside the line's current state. */
  async recordDecision(decision: LineDecisionRecord): Promise<void> {
    await this.manager.query(
      `INSERT INTO bank_statement_line_decisions (line_id, action, note, payment_id, decided_by_user_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [decision.lineId, decision.action, decision.note, decision.paymentId, decision.userId, decision.at],
    );
  }

  /** Our documents with these payment references (printed form), whatever their state. */
  documentsByReference(references: string[]): Promise<CandidateDocument[]> {
    if (references.length === 0) return Promise.resolve([]);
    return this.manager.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM billing_documents d WHERE d.payment_reference = ANY($1::text[])`,
      [references],
    ) as Promise<CandidateDocument[]>;
  }

  /** Payable documents owing exactly one of these amounts: what a line without a reference may be suggested. */
  payableDocumentsOwing(amounts: number[], currencies: string[]): Promise<CandidateDocument[]> {
    if (amounts.length === 0) return Promise.resolve([]);
    return this.manager.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM billing_documents d
        WHERE ${payableSql('d')}
          AND d.currency = ANY($2::text[]) AND d.gross_amount - d.allocated_amount = ANY($1::bigint[])`,
      [amounts, currencies],
    ) as Promise<CandidateDocument[]>;
  }

  /** Members and currencies of these documents, to check a resolution pays one member. */
  documentsOwners(ids: string[]): Promise<{ id: string; memberId: string; currency: string }[]> {
    return this.manager.query(
      `SELECT id, member_id AS "memberId", currency FROM billing_documents WHERE id = ANY($1::uuid[])`,
      [ids],
    ) as Promise<{ id: string; memberId: string; currency: string }[]>;
  }
}
