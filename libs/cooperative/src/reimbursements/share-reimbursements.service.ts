import { Injectable } from '@nestjs/common';
import {
  isoTimestampSql,
  pageOf,
  ProblemException,
  Transactions,
  userIdOf,
  type Page,
  type Principal,
} from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { reimbursementPayRefusal } from '../share-operation-state';
import type {
  ListShareReimbursementsQueryDto,
  PayShareReimbursementDto,
  ShareReimbursementDto,
} from './share-reimbursement.dto';

type ReimbursementRow = Omit<ShareReimbursementDto, 'amount'> & { amount: number; currency: string };

const SELECT = `SELECT r.id, r.operation_id AS "operationId", o.reference AS "operationReference", r.member_id AS "memberId",
    coalesce(p.first_name || ' ' || p.last_name, org.legal_name) AS "holderName", co.number AS "cooperatorNumber",
    c.code AS "shareClassCode", r.quantity, r.amount, r.currency, r.iban, r.state,
    to_char(r.payable_from, 'YYYY-MM-DD') AS "payableFrom", to_char(r.paid_on, 'YYYY-MM-DD') AS "paidOn",
    r.paid_by_name AS "paidByName", r.payment_note AS "paymentNote", ${isoTimestampSql('r.created_at')} AS "createdAt"
  FROM share_reimbursements r
  JOIN share_operations o ON o.id = r.operation_id
  JOIN share_classes c ON c.id = r.share_class_id
  JOIN members m ON m.id = r.member_id
  LEFT JOIN persons p ON p.id = m.person_id LEFT JOIN organisations org ON org.id = m.organisation_id
  LEFT JOIN cooperators co ON co.member_id = r.member_id`;

export const reimbursementNotFound = () =>
  ProblemException.notFound('No share reimbursement has this id.', 'share-reimbursement-not-found');

/** Reimbursements of redeemed shares, for finance: due after the waiting period, then marked paid. */
@Injectable()
export class ShareReimbursementsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly staff: StaffDirectory,
  ) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  /** Due ones first, the soonest payable first; then paid ones, the latest first. */
  async list(query: ListShareReimbursementsQueryDto): Promise<Page<ShareReimbursementDto>> {
    const params: unknown[] = [];
    const where = query.state ? `WHERE r.state = $${params.push(query.state)}` : '';
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM share_reimbursements r ${where}`,
      params,
    );
    const rows = await this.query<ReimbursementRow>(
      `${SELECT} ${where}
        ORDER BY r.state, CASE WHEN r.state = 'due' THEN r.payable_from END, r.paid_on DESC, r.created_at DESC, r.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.offset],
    );
    return pageOf(rows.map(dtoOf), total, query);
  }

  async get(id: string): Promise<ShareReimbursementDto> {
    const [row] = await this.query<ReimbursementRow>(`${SELECT} WHERE r.id = $1`, [id]);
    if (!row) throw reimbursementNotFound();
    return dtoOf(row);
  }

  async ofOperation(operationId: string): Promise<ShareReimbursementDto | null> {
    const [row] = await this.query<ReimbursementRow>(`${SELECT} WHERE r.operation_id = $1`, [operationId]);
    return row ? dtoOf(row) : null;
  }

  /** Finance records the payment: once, and not before the end of the waiting period (409 otherwise). */
  async pay(id: string, dto: PayShareReimbursementDto, principal: Principal): Promise<ShareReimbursementDto> {
    const userId = userIdOf(principal);
    await this.transactions.run(async () => {
      const [row] = await this.query<{ state: 'due' | 'paid'; payableFrom: string }>(
        `SELECT state, to_char(payable_from, 'YYYY-MM-DD') AS "payableFrom" FROM share_reimbursements WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw reimbursementNotFound();
      const refusal = reimbursementPayRefusal(row.state, row.payableFrom, dto.paidOn);
      if (refusal) throw ProblemException.conflict(refusal, 'share-reimbursement-not-payable');
      const name = (await this.staff.nameOf(userId)) ?? 'Staff';
      await this.query(
        `UPDATE share_reimbursements SET state = 'paid', paid_on = $2, paid_by = $3, paid_by_name = $4, payment_note = $5
          WHERE id = $1`,
        [id, dto.paidOn, userId, name, dto.note ?? null],
      );
    });
    return this.get(id);
  }
}

function dtoOf(row: ReimbursementRow): ShareReimbursementDto {
  const { currency, amount, ...rest } = row;
  return { ...rest, amount: { amount, currency } };
}
