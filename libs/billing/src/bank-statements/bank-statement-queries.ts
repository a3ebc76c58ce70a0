import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { BankStatementDto, BankStatementLineDto } from '../dto/bank-statement.dto';
import type { BankLineState } from './bank-line-state';

const userSql = (column: string) =>
  `(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${column})`;

const STATEMENT_COLUMNS = `
  s.id, s.format, s.file_name AS "fileName", s.statement_id AS "statementId", s.account_iban AS "accountIban",
  s.currency, s.line_count AS lines, s.matched, s.suggested, s.to_review AS "toReview", s.duplicates, s.ignored,
  (SELECT count(*)::int FROM bank_statement_lines l WHERE l.statement_id = s.id AND l.state IN ('to-review','suggested'))
    AS open,
  ${isoTimestampSql('s.imported_at')} AS "importedAt", ${userSql('s.imported_by_user_id')} AS "importedBy"`;

const documentSql = (column: string) => `
  (SELECT json_build_object('id', d.id, 'number', d.number, 'kind', d.kind, 'state', d.state, 'memberId', d.member_id,
            'buyerName', coalesce(d.buyer->>'name', ''), 'paymentReference', d.payment_reference,
            'amountDue', json_build_object('amount', d.gross_amount - d.allocated_amount, 'currency', d.currency))
     FROM billing_documents d WHERE d.id = ${column})`;

const LINE_COLUMNS = `
  l.id, l.statement_id AS "statementId", l.position, to_char(l.booking_date, 'YYYY-MM-DD') AS "bookingDate",
  json_build_object('amount', l.amount, 'currency', l.currency) AS amount, l.direction,
  json_build_object('name', l.counterparty_name, 'iban', l.counterparty_iban) AS counterparty,
  l.structured_reference AS "structuredReference", l.remittance_text AS "remittanceText",
  l.bank_reference AS "bankReference", l.payment_references AS "references", l.state,
  ${documentSql('l.reference_document_id')} AS "referenceDocument",
  ${documentSql('l.suggested_document_id')} AS "suggestedDocument",
  l.payment_id AS "paymentId", (SELECT p.receipt_number FROM billing_payments p WHERE p.id = l.payment_id) AS "receiptNumber",
  l.duplicate_of_line_id AS "duplicateOfLineId", ${userSql('l.resolved_by_user_id')} AS "resolvedBy",
  ${isoTimestampSql('l.resolved_at')} AS "resolvedAt", l.resolution_note AS "resolutionNote",
  (SELECT coalesce(json_agg(json_build_object('action', d.action, 'note', d.note, 'paymentId', d.payment_id,
            'decidedBy', ${userSql('d.decided_by_user_id')}, 'decidedAt', ${isoTimestampSql('d.decided_at')})
            ORDER BY d.decided_at, d.id), '[]')
     FROM bank_statement_line_decisions d WHERE d.line_id = l.id) AS decisions`;

export interface LineFilter {
  state?: BankLineState;
  /** Only lines waiting for finance. */
  open?: boolean;
  statementId?: string;
  offset: number;
  limit: number;
}

/** Reading statements and their lines, as the DTOs show them. */
@Injectable()
export class BankStatementQueries {
  constructor(private readonly transactions: Transactions) {}

  async statements(offset: number, limit: number): Promise<[BankStatementDto[], number]> {
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM bank_statements`)) as {
      total: number;
    }[];
    const rows = (await manager.query(
      `SELECT ${STATEMENT_COLUMNS} FROM bank_statements s ORDER BY s.imported_at DESC, s.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    )) as BankStatementDto[];
    return [rows, total];
  }

  async statement(id: string): Promise<BankStatementDto | null> {
    const [row] = (await this.transactions.manager.query(
      `SELECT ${STATEMENT_COLUMNS} FROM bank_statements s WHERE s.id = $1`,
      [id],
    )) as BankStatementDto[];
    return row ?? null;
  }

  async lines(filter: LineFilter): Promise<[BankStatementLineDto[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.state) where.push(`l.state = ${param(filter.state)}`);
    if (filter.open) where.push(`l.state IN ('to-review','suggested')`);
    if (filter.statementId) where.push(`l.statement_id = ${param(filter.statementId)}::uuid`);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM bank_statement_lines l ${condition}`,
      params,
    )) as { total: number }[];
    const rows = (await manager.query(
      `SELECT ${LINE_COLUMNS} FROM bank_statement_lines l JOIN bank_statements s ON s.id = l.statement_id ${condition}
        ORDER BY s.imported_at DESC, s.id, l.position LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as BankStatementLineDto[];
    return [rows, total];
  }

  async line(id: string): Promise<BankStatementLineDto | null> {
    const [row] = (await this.transactions.manager.query(
      `SELECT ${LINE_COLUMNS} FROM bank_statement_lines l WHERE l.id = $1`,
      [id],
    )) as BankStatementLineDto[];
    return row ?? null;
  }
}
