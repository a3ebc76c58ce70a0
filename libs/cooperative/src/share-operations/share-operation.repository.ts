import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { ShareOperationKind, ShareOperationState } from '../share-operation-state';
import type { MovementKind } from '../share-register-arithmetic';
import type { PersonDetails } from '@tessera/members';

/** A transfer's receiving person as staff gave them, before the approval matched or made their member record. */
export type ShareReceiverPerson = PersonDetails & { locale: 'en' | 'fr' };

export interface OperationPartyRow {
  memberId: string;
  memberNumber: string;
  name: string;
  cooperatorId: string | null;
  cooperatorNumber: string | null;
}

export interface ShareOperationRow {
  id: string;
  reference: string;
  kind: ShareOperationKind;
  state: ShareOperationState;
  memberId: string;
  shareClassId: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  toMemberId: string | null;
  toPerson: ShareReceiverPerson | null;
  toShareClassId: string | null;
  toQuantity: number | null;
  toUnitPrice: number | null;
  valueDifference: number | null;
  note: string | null;
  requestedVia: 'staff' | 'holder';
  requestedByName: string;
  approvalRequestId: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  requestedEffectiveOn: string | null;
  effectiveOn: string | null;
  holder: OperationPartyRow;
  toHolder: OperationPartyRow | null;
  shareClass: { id: string; code: string; name: string };
  toShareClass: { id: string; code: string; name: string } | null;
  movements: {
    id: string;
    kind: MovementKind;
    cooperatorId: string;
    shareClassCode: string;
    quantity: number;
    firstNumber: number;
    lastNumber: number;
    effectiveOn: string;
  }[];
  reimbursementId: string | null;
}

export type NewShareOperation = Pick<
  ShareOperationRow,
  | 'reference'
  | 'kind'
  | 'memberId'
  | 'shareClassId'
  | 'quantity'
  | 'unitPrice'
  | 'currency'
  | 'toMemberId'
  | 'toPerson'
  | 'toShareClassId'
  | 'toQuantity'
  | 'toUnitPrice'
  | 'valueDifference'
  | 'note'
  | 'requestedEffectiveOn'
  | 'requestedVia'
  | 'requestedByName'
> & { requestedBy: string | null; now: Date };

const party = (member: string) => `(SELECT json_build_object('memberId', pm.id, 'memberNumber', pm.number,
    'name', coalesce(pp.first_name || ' ' || pp.last_name, po.legal_name), 'cooperatorId', pc.id, 'cooperatorNumber', pc.number)
   FROM members pm LEFT JOIN persons pp ON pp.id = pm.person_id LEFT JOIN organisations po ON po.id = pm.organisation_id
   LEFT JOIN cooperators pc ON pc.member_id = pm.id WHERE pm.id = ${member})`;
const shareClass = (id: string) =>
  `(SELECT json_build_object('id', sc.id, 'code', sc.code, 'name', sc.name) FROM share_classes sc WHERE sc.id = ${id})`;

const COLUMNS = `o.id, o.reference, o.kind, o.state, o.member_id AS "memberId", o.share_class_id AS "shareClassId",
  o.quantity, o.unit_price AS "unitPrice", o.currency, o.to_member_id AS "toMemberId",
  o.to_person AS "toPerson", o.to_share_class_id AS "toShareClassId", o.to_quantity AS "toQuantity",
  o.to_unit_price AS "toUnitPrice",
  o.value_difference AS "valueDifference", o.note, o.requested_via AS "requestedVia",
  o.requested_by_name AS "requestedByName", o.approval_request_id AS "approvalRequestId",
  ${isoTimestampSql('o.created_at')} AS "createdAt", ${isoTimestampSql('o.decided_at')} AS "decidedAt",
  o.decided_by_name AS "decidedByName", o.decision_note AS "decisionNote",
  to_char(o.effective_on, 'YYYY-MM-DD') AS "effectiveOn",
  to_char(o.requested_effective_on, 'YYYY-MM-DD') AS "requestedEffectiveOn",
  ${party('o.member_id')} AS holder, ${party('o.to_member_id')} AS "toHolder",
  ${shareClass('o.share_class_id')} AS "shareClass", ${shareClass('o.to_share_class_id')} AS "toShareClass",
  coalesce((SELECT json_agg(json_build_object('id', sm.id, 'kind', sm.kind, 'cooperatorId', sm.cooperator_id,
      'shareClassCode', mc.code, 'quantity', sm.quantity, 'firstNumber', sm.first_number,
      'lastNumber', sm.last_number, 'effectiveOn', to_char(sm.effective_on, 'YYYY-MM-DD'))
      ORDER BY sm.recorded_at, sm.direction, sm.first_number)
     FROM share_movements sm JOIN share_classes mc ON mc.id = sm.share_class_id WHERE sm.operation_id = o.id), '[]') AS movements,
  (SELECT r.id FROM share_reimbursements r WHERE r.operation_id = o.id) AS "reimbursementId"`;

export interface OperationListFilter {
  state?: ShareOperationState;
  kind?: ShareOperationKind;
  memberId?: string;
  offset: number;
  limit: number;
}

export interface NewReimbursement {
  operationId: string;
  memberId: string;
  shareClassId: string;
  quantity: number;
  amount: number;
  currency: string;
  payableFrom: string;
  now: Date;
}

/** Share operations and the reimbursements of redemptions (raw SQL, like the rest of the register). */
@Injectable()
export class ShareOperationRepository {
  constructor(private readonly transactions: Transactions) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  async nextNumber(): Promise<number> {
    const [row] = await this.query<{ n: number }>(`SELECT nextval('share_operation_number_seq')::int AS n`);
    return row.n;
  }

  async insert(input: NewShareOperation): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO share_operations (reference, kind, state, member_id, share_class_id, quantity, unit_price, currency,
              to_member_id, to_share_class_id, to_quantity, to_unit_price, value_difference, note, requested_by,
              requested_by_name, requested_via, created_at, requested_effective_on, to_person)
       VALUES ($1, $2, 'pending', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
       RETURNING id`,
      [
        input.reference,
        input.kind,
        input.memberId,
        input.shareClassId,
        input.quantity,
        input.unitPrice,
        input.currency,
        input.toMemberId,
        input.toShareClassId,
        input.toQuantity,
        input.toUnitPrice,
        input.valueDifference,
        input.note,
        input.requestedBy,
        input.requestedByName,
        input.requestedVia,
        input.now,
        input.requestedEffectiveOn,
        input.toPerson ? JSON.stringify(input.toPerson) : null,
      ],
    );
    return row.id;
  }

  async setApprovalRequest(id: string, approvalRequestId: string): Promise<void> {
    await this.query(`UPDATE share_operations SET approval_request_id = $2 WHERE id = $1`, [id, approvalRequestId]);
  }

  async find(id: string, lock = false): Promise<ShareOperationRow | null> {
    if (lock) await this.query(`SELECT 1 FROM share_operations WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await this.query<ShareOperationRow>(`SELECT ${COLUMNS} FROM share_operations o WHERE o.id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  /**
   * Closes or moves an operation; `effectiveOn` and the value difference are set on execution, the
   * member record of a transfer's new person on approval (with the state: a check wants both).
   */
  async move(
    id: string,
    to: ShareOperationState,
    change: {
      at: Date;
      by?: string;
      note?: string | null;
      effectiveOn?: string;
      valueDifference?: number;
      toMemberId?: string;
    },
  ): Promise<void> {
    await this.query(
      `UPDATE share_operations SET state = $2, decided_at = coalesce(decided_at, $3),
              decided_by_name = coalesce($4, decided_by_name), decision_note = coalesce($5, decision_note),
              effective_on = coalesce($6::date, effective_on), value_difference = coalesce($7, value_difference),
              to_member_id = coalesce($8, to_member_id)
        WHERE id = $1`,
      [
        id,
        to,
        change.at,
        change.by ?? null,
        change.note ?? null,
        change.effectiveOn ?? null,
        change.valueDifference ?? null,
        change.toMemberId ?? null,
      ],
    );
  }

  async list(filter: OperationListFilter): Promise<[ShareOperationRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) where.push(`o.state = $${params.push(filter.state)}`);
    if (filter.kind) where.push(`o.kind = $${params.push(filter.kind)}`);
    if (filter.memberId) {
      const p = params.push(filter.memberId);
      where.push(`(o.member_id = $${p} OR o.to_member_id = $${p})`);
    }
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM share_operations o ${condition}`,
      params,
    );
    const rows = await this.query<ShareOperationRow>(
      `SELECT ${COLUMNS} FROM share_operations o ${condition} ORDER BY o.created_at DESC, o.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return [rows, total];
  }

  /** Operations of the members `membersSql` (SQL of the parameter $1) names: giving up shares or receiving them. */
  async ofMembers(membersSql: string, value: unknown): Promise<ShareOperationRow[]> {
    return this.query<ShareOperationRow>(
      `SELECT ${COLUMNS} FROM share_operations o
        WHERE o.member_id IN ${membersSql} OR o.to_member_id IN ${membersSql}
        ORDER BY o.created_at DESC, o.id DESC LIMIT 200`,
      [value],
    );
  }

  async insertReimbursement(input: NewReimbursement): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO share_reimbursements (operation_id, member_id, share_class_id, quantity, amount, currency, iban,
              state, payable_from, created_at)
       VALUES ($1, $2, $3, $4, $5, $6,
               (SELECT s.iban FROM share_subscriptions s WHERE s.member_id = $2 ORDER BY s.created_at DESC LIMIT 1),
               'due', $7, $8) RETURNING id`,
      [
        input.operationId,
        input.memberId,
        input.shareClassId,
        input.quantity,
        input.amount,
        input.currency,
        input.payableFrom,
        input.now,
      ],
    );
    return row.id;
  }

  async redemptionWaitingDays(): Promise<number> {
    const [row] = await this.query<{ days: number }>(
      `SELECT redemption_waiting_days AS days FROM cooperative_settings WHERE id`,
    );
    return row?.days ?? 0;
  }
}
