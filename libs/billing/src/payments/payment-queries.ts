import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { PaymentMethod, PaymentSource } from './payment-method';

/** A payment as lists show it, with the numbers of the documents it paid. */
export interface PaymentRow {
  id: string;
  receiptNumber: string;
  memberId: string;
  memberNumber: string;
  memberName: string;
  amount: number;
  currency: string;
  unallocatedAmount: number;
  method: PaymentMethod;
  source: PaymentSource;
  paidOn: string;
  payer: string | null;
  externalReference: string | null;
  createdAt: string;
  reversedAt: string | null;
  reversalReason: string | null;
  allocations: { documentId: string; number: string; amount: number; reversed: boolean }[];
}

export interface PaymentFilter {
  memberId?: string;
  method?: PaymentMethod;
  paidFrom?: string;
  paidTo?: string;
  offset: number;
  limit: number;
}

/** Money paid beyond what was owed, of one member in one currency. */
export interface MemberCreditRow {
  memberId: string;
  memberNumber: string;
  memberName: string;
  currency: string;
  amount: number;
}

const MEMBER_NAME = `coalesce((SELECT pp.first_name || ' ' || pp.last_name FROM persons pp WHERE pp.id = m.person_id),
           (SELECT o.legal_name FROM organisations o WHERE o.id = m.organisation_id))`;

const COLUMNS = `
  p.id, p.receipt_number AS "receiptNumber", p.member_id AS "memberId", m.number AS "memberNumber",
  ${MEMBER_NAME} AS "memberName",
  p.amount, p.currency, p.unallocated_amount AS "unallocatedAmount", p.method, p.source,
  to_char(p.paid_on, 'YYYY-MM-DD') AS "paidOn", p.payer, p.external_reference AS "externalReference",
  ${isoTimestampSql('p.created_at')} AS "createdAt", ${isoTimestampSql('p.reversed_at')} AS "reversedAt",
  p.reversal_reason AS "reversalReason",
  (SELECT coalesce(json_agg(json_build_object('documentId', a.document_id, 'number', d.number, 'amount', a.amount,
            'reversed', a.reversed_at IS NOT NULL) ORDER BY a.allocated_at), '[]'::json)
     FROM billing_allocations a JOIN billing_documents d ON d.id = a.document_id WHERE a.payment_id = p.id) AS allocations`;

/** Reading payments: the finance list, one payment, a member's own. */
@Injectable()
export class PaymentQueries {
  constructor(private readonly transactions: Transactions) {}

  async list(
    filter: PaymentFilter,
    members?: { sql: (placeholder: string) => string; value: unknown },
  ): Promise<[PaymentRow[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (members) where.push(`p.member_id IN ${members.sql(param(members.value))}`);
    if (filter.memberId) where.push(`p.member_id = ${param(filter.memberId)}::uuid`);
    if (filter.method) where.push(`p.method = ${param(filter.method)}`);
    if (filter.paidFrom) where.push(`p.paid_on >= ${param(filter.paidFrom)}::date`);
    if (filter.paidTo) where.push(`p.paid_on <= ${param(filter.paidTo)}::date`);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM billing_payments p ${condition}`,
      params,
    )) as {
      total: number;
    }[];
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM billing_payments p JOIN members m ON m.id = p.member_id ${condition}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as PaymentRow[];
    return [rows, total];
  }

  /** The credit of each member these are (a person and the organisations they are the contact of), per currency. */
  async creditOf(members: { sql: (placeholder: string) => string; value: unknown }): Promise<MemberCreditRow[]> {
    return (await this.transactions.manager.query(
      `SELECT m.id AS "memberId", m.number AS "memberNumber", ${MEMBER_NAME} AS "memberName", c.currency, c.amount
         FROM (SELECT p.member_id, p.currency, sum(p.unallocated_amount)::int AS amount FROM billing_payments p
                WHERE p.member_id IN ${members.sql('$1')} AND p.unallocated_amount > 0 AND p.reversed_at IS NULL
                GROUP BY p.member_id, p.currency) c
         JOIN members m ON m.id = c.member_id
        ORDER BY m.number, c.currency`,
      [members.value],
    )) as MemberCreditRow[];
  }

  async find(id: string): Promise<PaymentRow | null> {
    const [row] = (await this.transactions.manager.query(
      `SELECT ${COLUMNS} FROM billing_payments p JOIN members m ON m.id = p.member_id WHERE p.id = $1`,
      [id],
    )) as PaymentRow[];
    return row ?? null;
  }
}
