import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import {
  holdingsAsOf,
  nextRange,
  type MovementKind,
  type PricedRange,
  type RegisterMovement,
  type ShareRange,
} from '../share-register-arithmetic';

export interface CooperatorRow {
  id: string;
  memberId: string;
  state: 'candidate' | 'effective' | 'former';
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

/** A row of an operation: shares leaving or entering a holding. */
export interface OperationMovement {
  kind: Exclude<MovementKind, 'issue'>;
  cooperatorId: string;
  shareClassId: string;
  range: PricedRange;
  currency: string;
  effectiveOn: string;
  operationId: string;
  now: Date;
}

/** Cooperators, the per-class share-number counters and the register's movements. */
@Injectable()
export class ShareRegisterRepository {
  constructor(private readonly transactions: Transactions) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  /** Shares of a class a member's cooperator holds: every row so far, in less out. */
  async heldBy(memberId: string, shareClassId: string): Promise<number> {
    const [row] = await this.query<{ held: number }>(
      `SELECT coalesce(sum(sm.quantity * sm.direction), 0)::int AS held FROM share_movements sm
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

  /** Several members' cooperators locked in id order (two operations between the same holders never deadlock). */
  async lockCooperators(memberIds: string[]): Promise<Map<string, CooperatorRow>> {
    const rows = await this.query<CooperatorRow>(
      `SELECT id, member_id AS "memberId", state, number FROM cooperators WHERE member_id = ANY($1::uuid[])
        ORDER BY id FOR UPDATE`,
      [memberIds],
    );
    return new Map(rows.map((row) => [row.memberId, row]));
  }

  /**
   * Shares entering a cooperator's holding: the first give a number from the sequence; a former
   * cooperator is effective again (keeping their number). Takes the cooperator locked.
   */
  async ensureEffective(cooperator: CooperatorRow, now: Date): Promise<string> {
    if (!cooperator.number) return this.makeEffective(cooperator.id, now);
    if (cooperator.state === 'former')
      await this.query(`UPDATE cooperators SET state = 'effective', former_since = NULL WHERE id = $1`, [
        cooperator.id,
      ]);
    return cooperator.number;
  }

  /** A cooperator left holding no share of any class is `former` (their number stays theirs). */
  async markFormerIfEmpty(cooperatorId: string, now: Date): Promise<boolean> {
    const [[row]] = (await this.transactions.manager.query(
      `UPDATE cooperators SET state = 'former', former_since = $2
        WHERE id = $1 AND state = 'effective'
          AND NOT EXISTS (SELECT 1 FROM share_movements sm WHERE sm.cooperator_id = $1
                           GROUP BY sm.share_class_id HAVING sum(sm.quantity * sm.direction) <> 0)
        RETURNING id`,
      [cooperatorId, now],
    )) as [{ id: string }[], number];
    return row !== undefined;
  }

  /** The date of the latest movement of these members' holdings of these classes (null: none). */
  async lastMovementOn(holdings: { memberId: string; shareClassId: string }[]): Promise<string | null> {
    const [row] = await this.query<{ last: string | null }>(
      `SELECT to_char(max(sm.effective_on), 'YYYY-MM-DD') AS last FROM share_movements sm
         JOIN cooperators co ON co.id = sm.cooperator_id
        WHERE (co.member_id, sm.share_class_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      [holdings.map((h) => h.memberId), holdings.map((h) => h.shareClassId)],
    );
    return row.last;
  }

  /** The blocks a cooperator holds of a class, every row counted (whatever its date), with their prices. */
  async blocksOf(cooperatorId: string, shareClassId: string): Promise<PricedRange[]> {
    const rows = await this.query<RegisterMovement>(
      `SELECT kind, cooperator_id AS "holderId", share_class_id AS "shareClassId", quantity, first_number AS first,
              last_number AS last, unit_price AS "unitPrice", to_char(effective_on, 'YYYY-MM-DD') AS "effectiveOn"
         FROM share_movements WHERE cooperator_id = $1 AND share_class_id = $2
        ORDER BY effective_on, recorded_at, first_number, kind = 'issue' DESC`,
      [cooperatorId, shareClassId],
    );
    return holdingsAsOf(rows, '9999-12-31')[0]?.blocks ?? [];
  }

  async insertOperationMovement(movement: OperationMovement): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO share_movements (kind, cooperator_id, share_class_id, quantity, first_number, last_number,
              unit_price, currency, effective_on, operation_id, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        movement.kind,
        movement.cooperatorId,
        movement.shareClassId,
        movement.range.last - movement.range.first + 1,
        movement.range.first,
        movement.range.last,
        movement.range.unitPrice,
        movement.currency,
        movement.effectiveOn,
        movement.operationId,
        movement.now,
      ],
    );
    return row.id;
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

  /**
   * Every movement effective on or before `asOf`, in the order recorded; at one instant (a clock
   * that stands still) numbers issued before the same numbers go out, and a transfer's out before its in.
   */
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
        ORDER BY sm.effective_on, sm.recorded_at, sm.share_class_id, sm.first_number, sm.kind = 'issue' DESC,
                 sm.direction`,
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
