import { Injectable } from '@nestjs/common';
import { isoTimestampSql, jsonArraySql, Transactions } from '@tessera/core';
import { planNameSql } from '@tessera/plans';
import { userNameSql } from '@tessera/users';
import { firstStatusChangeOn } from './statuses/next-status-change';
import { SubscriptionEvent } from './entities/subscription-event.entity';
import { Subscription } from './entities/subscription.entity';
import type { SubscriptionState } from './subscription-state';

/** A subscription as lists and details show it: with its member and plan names and its history. */
export interface SubscriptionRow extends Omit<Subscription, 'createdAt' | 'updatedAt' | 'nextStatusChangeOn'> {
  memberNumber: string;
  memberName: string;
  planName: string;
  nextPlanName: string | null;
  createdAt: string;
  history?: {
    fromState: SubscriptionState | null;
    toState: SubscriptionState;
    reason: string;
    actorUserId: string | null;
    actorName: string | null;
    occurredAt: string;
  }[];
}

export interface SubscriptionFilter {
  state?: SubscriptionState;
  memberId?: string;
  planId?: string;
  offset: number;
  limit: number;
}

const ROW_COLUMNS = `
  s.id, s.member_id AS "memberId", s.plan_id AS "planId", s.state, s.origin, s.origin_id AS "originId",
  s.origin_reference AS "originReference", to_char(s.start_date, 'YYYY-MM-DD') AS "startDate",
  to_char(s.cycle_anchor, 'YYYY-MM-DD') AS "cycleAnchor",
  to_char(s.current_period_start, 'YYYY-MM-DD') AS "currentPeriodStart",
  to_char(s.current_period_end, 'YYYY-MM-DD') AS "currentPeriodEnd",
  to_char(s.ends_on, 'YYYY-MM-DD') AS "endsOn", s.end_reason AS "endReason",
  ${isoTimestampSql('s.created_at')} AS "createdAt",
  m.number AS "memberNumber",
  coalesce((SELECT p.first_name || ' ' || p.last_name FROM persons p WHERE p.id = m.person_id),
           (SELECT o.legal_name FROM organisations o WHERE o.id = m.organisation_id)) AS "memberName",
  ${planNameSql('s.plan_id')} AS "planName",
  s.next_plan_id AS "nextPlanId", ${planNameSql('s.next_plan_id')} AS "nextPlanName"`;

const HISTORY = `(
  SELECT ${jsonArraySql(
    `json_build_object('fromState', e.from_state, 'toState', e.to_state, 'reason', e.reason,
       'actorUserId', e.actor_user_id, 'actorName', ${userNameSql('e.actor_user_id')}, 'occurredAt', ${isoTimestampSql('e.occurred_at')})`,
    'e.occurred_at, e.id',
  )} FROM subscription_events e WHERE e.subscription_id = s.id) AS history`;

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly transactions: Transactions) {}

  private get subscriptions() {
    return this.transactions.repository(Subscription);
  }

  /**
   * Inserts the subscription unless the member already has a live one (the partial unique index
   * decides, also against a concurrent insert, which is waited for); the id when inserted.
   */
  async insertIfNoneLive(fields: Omit<Subscription, 'id' | 'nextStatusChangeOn'>): Promise<string | null> {
    const result = await this.subscriptions
      .createQueryBuilder()
      .insert()
      .into(Subscription)
      .values({ ...fields, nextStatusChangeOn: firstStatusChangeOn(fields) })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[])[0]?.id ?? null;
  }

  findLiveOf(memberId: string): Promise<Subscription | null> {
    return this.subscriptions
      .createQueryBuilder('s')
      .where('s.member_id = :memberId', { memberId })
      .andWhere(`s.state IN ('pending','active')`)
      .getOne();
  }

  findById(id: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ where: { id } });
  }

  /** Every subscription of the member, whatever its state (the status engine reads them all). */
  findAllOf(memberId: string): Promise<Subscription[]> {
    return this.subscriptions.find({ where: { memberId }, order: { createdAt: 'ASC' } });
  }

  lockById(id: string): Promise<Subscription | null> {
    return this.subscriptions.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Every change of a subscription dates its next status change from the start again (the sweep moves it on). */
  async save(subscription: Subscription): Promise<void> {
    subscription.nextStatusChangeOn = firstStatusChangeOn(subscription);
    await this.subscriptions.update({ id: subscription.id }, subscription);
  }

  async addEvent(event: Omit<SubscriptionEvent, 'id'>): Promise<void> {
    const events = this.transactions.repository(SubscriptionEvent);
    await events.insert(events.create(event));
  }

  async findDetail(id: string): Promise<SubscriptionRow | null> {
    const [row] = await this.transactions.prepared<SubscriptionRow>(
      'subscription-detail',
      `SELECT ${ROW_COLUMNS}, ${HISTORY} FROM subscriptions s JOIN members m ON m.id = s.member_id WHERE s.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * The live subscription (else the latest) of the members `members` (SQL of their ids from the
   * bound value) — a member's own, for the portal.
   */
  async findCurrentOfMembers(members: { name: string; sql: (placeholder: string) => string }, value: unknown) {
    const [row] = await this.transactions.prepared<SubscriptionRow>(
      `subscription-current-of-${members.name}`,
      `SELECT ${ROW_COLUMNS}, ${HISTORY} FROM subscriptions s JOIN members m ON m.id = s.member_id
        WHERE s.member_id IN ${members.sql('$1')}
        ORDER BY (s.state IN ('pending','active')) DESC, s.created_at DESC LIMIT 1`,
      [value],
    );
    return row ?? null;
  }

  async list(filter: SubscriptionFilter): Promise<[SubscriptionRow[], number]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    if (filter.state) where.push(`s.state = ${param(filter.state)}`);
    if (filter.memberId) where.push(`s.member_id = ${param(filter.memberId)}::uuid`);
    if (filter.planId) where.push(`s.plan_id = ${param(filter.planId)}::uuid`);
    const condition = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(
      `SELECT count(*)::int AS total FROM subscriptions s ${condition}`,
      params,
    )) as {
      total: number;
    }[];
    const rows = (await manager.query(
      `SELECT ${ROW_COLUMNS} FROM subscriptions s JOIN members m ON m.id = s.member_id ${condition}
        ORDER BY s.created_at DESC, s.id DESC LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as SubscriptionRow[];
    return [rows, total];
  }
}
