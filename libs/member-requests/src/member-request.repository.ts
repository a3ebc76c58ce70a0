import { Injectable } from '@nestjs/common';
import { memberBalanceSql } from '@tessera/billing';
import { isoTimestampSql, Transactions } from '@tessera/core';
import { planNameSql } from '@tessera/plans';
import { MemberRequest, type MemberRequestOutcome } from './entities/member-request.entity';
import type { MemberRequestKind, MemberRequestState } from './member-request-state';

/** The one open request of each kind per member. */
export const ONE_OPEN_INDEX = 'member_requests_one_open_key';

/** A request as lists and details show it: with its member's and plans' names and its approval's state. */
export interface MemberRequestRow {
  id: string;
  reference: string;
  kind: MemberRequestKind;
  state: MemberRequestState;
  memberId: string;
  memberNumber: string;
  memberName: string;
  memberStatus: string;
  currentPlanId: string;
  currentPlanName: string;
  /** Minor units: what the member owes less their credit (positive: they owe). */
  balance: number;
  subscriptionId: string;
  fromPlanId: string;
  fromPlanName: string;
  toPlanId: string | null;
  toPlanName: string | null;
  effect: 'now' | 'renewal' | null;
  note: string | null;
  reason: string | null;
  details: string | null;
  endsOn: string | null;
  approvalRequestId: string | null;
  requestedByName: string;
  onBehalf: boolean;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  outcome: MemberRequestOutcome | null;
}

export interface MemberRequestFilter {
  memberId?: string;
  state?: MemberRequestState;
  kind?: MemberRequestKind;
  approvalRequestId?: string;
  offset: number;
  limit: number;
}

const ROW_COLUMNS = `
  r.id, r.reference, r.kind, r.state, r.member_id AS "memberId", m.number AS "memberNumber",
  coalesce((SELECT p.first_name || ' ' || p.last_name FROM persons p WHERE p.id = m.person_id),
           (SELECT o.legal_name FROM organisations o WHERE o.id = m.organisation_id)) AS "memberName",
  m.status AS "memberStatus", m.plan_id AS "currentPlanId", ${planNameSql('m.plan_id')} AS "currentPlanName",
  ${memberBalanceSql('r.member_id')} AS balance,
  r.subscription_id AS "subscriptionId", r.from_plan_id AS "fromPlanId", ${planNameSql('r.from_plan_id')} AS "fromPlanName",
  r.to_plan_id AS "toPlanId", CASE WHEN r.to_plan_id IS NOT NULL THEN ${planNameSql('r.to_plan_id')} END AS "toPlanName",
  r.effect, r.note, r.reason, r.details, to_char(r.ends_on, 'YYYY-MM-DD') AS "endsOn",
  r.approval_request_id AS "approvalRequestId", r.requested_by_name AS "requestedByName", r.on_behalf AS "onBehalf",
  ${isoTimestampSql('r.created_at')} AS "createdAt", ${isoTimestampSql('r.decided_at')} AS "decidedAt",
  r.decided_by_name AS "decidedByName", r.decision_note AS "decisionNote", r.outcome`;

const FROM = `FROM member_requests r JOIN members m ON m.id = r.member_id`;

@Injectable()
export class MemberRequestRepository {
  constructor(private readonly transactions: Transactions) {}

  private get requests() {
    return this.transactions.repository(MemberRequest);
  }

  async nextNumber(): Promise<number> {
    const [row] = (await this.transactions.manager.query(`SELECT nextval('member_request_number_seq')::int AS n`)) as {
      n: number;
    }[];
    return row.n;
  }

  /** Inserts a pending request; a second pending one of its kind for the member meets ONE_OPEN_INDEX. */
  async insert(fields: Omit<MemberRequest, 'id'>): Promise<MemberRequest> {
    return this.requests.save(this.requests.create(fields));
  }

  lockById(id: string): Promise<MemberRequest | null> {
    return this.requests.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async save(request: MemberRequest): Promise<void> {
    await this.requests.update({ id: request.id }, request);
  }

  /** The member's pending request of a kind, if any. */
  findPending(memberId: string, kind: MemberRequestKind): Promise<MemberRequest | null> {
    return this.requests.findOne({ where: { memberId, kind, state: 'pending' } });
  }

  async findRow(id: string): Promise<MemberRequestRow | null> {
    const [row] = (await this.transactions.manager.query(`SELECT ${ROW_COLUMNS} ${FROM} WHERE r.id = $1`, [
      id,
    ])) as MemberRequestRow[];
    return row ?? null;
  }

  /** The requests of the members `members` (SQL of their ids from the bound value), newest first. */
  async rowsOfMembers(members: (placeholder: string) => string, value: unknown): Promise<MemberRequestRow[]> {
    return (await this.transactions.manager.query(
      `SELECT ${ROW_COLUMNS} ${FROM} WHERE r.member_id IN ${members('$1')} ORDER BY r.created_at DESC, r.id DESC LIMIT 200`,
      [value],
    )) as MemberRequestRow[];
  }

  async list(filter: MemberRequestFilter): Promise<[MemberRequestRow[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.memberId) where.push(`r.member_id = ${param(filter.memberId)}::uuid`);
    if (filter.state) where.push(`r.state = ${param(filter.state)}`);
    if (filter.kind) where.push(`r.kind = ${param(filter.kind)}`);
    if (filter.approvalRequestId) where.push(`r.approval_request_id = ${param(filter.approvalRequestId)}::uuid`);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM member_requests r ${condition}`,
      params,
    )) as { total: number }[];
    const rows = (await manager.query(
      `SELECT ${ROW_COLUMNS} ${FROM} ${condition}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as MemberRequestRow[];
    return [rows, total];
  }
}
