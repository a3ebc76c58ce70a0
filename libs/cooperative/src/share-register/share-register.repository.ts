import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { nextRange, type RegisterMovement, type ShareRange } from '../share-register-arithmetic';

export interface CooperatorRow {
  id: string;
  memberId: string;
  state: 'candidate' | 'effective';
  number: string | null;
}

export interface NewMovement {
  cooperatorId: string;
  shareClassId: string;
  range: ShareRange;
  unitPrice: number;
  currency: string;
  effectiveOn: string;
  subscriptionId: string;
  now: Date;
}

/** Cooperators, the per-class share-number counters and the register's movements. */
@Injectable()
export class ShareRegisterRepository {
  constructor(private readonly transactions: Transactions) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  /** Shares of a class a member's cooperator holds today (issues so far; later: less what left). */
  async heldBy(memberId: string, shareClassId: string): Promise<number> {
    const [row] = await this.query<{ held: number }>(
      `SELECT coalesce(sum(sm.quantity), 0)::int AS held FROM share_movements sm
         JOIN cooperators co ON co.id = sm.cooperator_id
        WHERE co.member_id = $1 AND sm.share_class_id = $2`,
      [memberId, shareClassId],
    );
    return row.held;
  }

  /** The member's cooperator, made a candidate when it is new (concurrent calls meet on member_id). */
  async ensureCandidate(memberId: string, now: Date): Promise<void> {
    await this.query(
      `INSERT INTO cooperators (member_id, state, candidate_since) VALUES ($1, 'candidate', $2)
       ON CONFLICT (member_id) DO NOTHING`,
      [memberId, now],
    );
  }

  async lockCooperator(memberId: string): Promise<CooperatorRow | null> {
    const [row] = await this.query<CooperatorRow>(
      `SELECT id, member_id AS "memberId", state, number FROM cooperators WHERE member_id = $1 FOR UPDATE`,
      [memberId],
    );
    return row ?? null;
  }

  /** First shares: a cooperator number from its own sequence, and the cooperator is effective. */
  async makeEffective(id: string, now: Date): Promise<string> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [[row]] = (await this.transactions.manager.query(
      `UPDATE cooperators SET state = 'effective', effective_since = $2,
              number = 'C-' || lpad(nextval('cooperator_number_seq')::text, 6, '0')
        WHERE id = $1 RETURNING number`,
      [id, now],
    )) as [{ number: string }[], number];
    return row.number;
  }

  /**
   * The next `quantity` share numbers of a class. The counter row stays locked until the issuing
   * transaction ends: concurrent issues queue, so blocks are consecutive and never overlap.
   */
  async takeShareNumbers(shareClassId: string, quantity: number): Promise<ShareRange> {
    const [row] = await this.query<{ last: number }>(
      `INSERT INTO share_number_counters AS c (share_class_id, last_number) VALUES ($1, $2)
       ON CONFLICT (share_class_id) DO UPDATE SET last_number = c.last_number + EXCLUDED.last_number
       RETURNING last_number AS last`,
      [shareClassId, quantity],
    );
    return nextRange(row.last - quantity, quantity);
  }

  async insertIssue(movement: NewMovement): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO share_movements (kind, cooperator_id, share_class_id, quantity, first_number, last_number,
              unit_price, currency, effective_on, subscription_id, recorded_at)
       VALUES ('issue', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        movement.cooperatorId,
        movement.shareClassId,
        movement.range.last - movement.range.first + 1,
        movement.range.first,
        movement.range.last,
        movement.unitPrice,
        movement.currency,
        movement.effectiveOn,
        movement.subscriptionId,
        movement.now,
      ],
    );
    return row.id;
  }

  /** Every movement effective on or before `asOf`, in the order recorded. */
  async movementsAsOf(asOf: string): Promise<(RegisterMovement & MovementFacts)[]> {
    return this.query(
      `SELECT sm.id, sm.kind, sm.cooperator_id AS "holderId", sm.share_class_id AS "shareClassId", sm.quantity,
              sm.first_number AS first, sm.last_number AS last, sm.unit_price AS "unitPrice", sm.currency,
              to_char(sm.effective_on, 'YYYY-MM-DD') AS "effectiveOn", c.code AS "shareClassCode",
              co.number AS "cooperatorNumber", co.member_id AS "memberId",
              coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS "holderName"
         FROM share_movements sm
         JOIN share_classes c ON c.id = sm.share_class_id
         JOIN cooperators co ON co.id = sm.cooperator_id
         JOIN members m ON m.id = co.member_id
         LEFT JOIN persons p ON p.id = m.person_id LEFT JOIN organisations o ON o.id = m.organisation_id
        WHERE sm.effective_on <= $1::date
        ORDER BY sm.recorded_at, sm.share_class_id, sm.first_number`,
      [asOf],
    );
  }
}

export interface MovementFacts {
  id: string;
  currency: string;
  shareClassCode: string;
  cooperatorNumber: string | null;
  memberId: string;
  holderName: string;
}
