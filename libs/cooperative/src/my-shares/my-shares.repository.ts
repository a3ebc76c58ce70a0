import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import { memberIdsActedForSql, memberIdsRepresentedSql, type PersonOfParam } from '@tessera/members';
import type { RegisterMovement } from '../share-register-arithmetic';
import type { ShareSubscriptionState } from '../share-subscription-state';

export interface MyHolderRow {
  memberId: string;
  kind: 'person' | 'organisation';
  name: string;
  /** Whether this is the person's own record (not an organisation they act for). */
  own: boolean;
  /** Whether they act for it (their own, or they are the organisation's contact): pay, operate. */
  actsFor: boolean;
  cooperatorId: string | null;
  cooperatorNumber: string | null;
  cooperatorState: 'candidate' | 'effective' | 'former' | null;
}

export interface MyCertificateRow {
  id: string;
  cooperatorId: string;
  shareClassId: string;
  code: string;
  className: string;
  quantity: number;
  first: number;
  last: number;
  date: string;
}

export interface MyCapitalReleaseRow {
  id: string;
  memberId: string;
  number: string;
  state: string;
  gross: number;
  allocated: number;
  currency: string;
  paymentReference: string | null;
  dueDate: string | null;
}

export interface MyRequestRow {
  id: string;
  memberId: string;
  reference: string;
  state: ShareSubscriptionState;
  shareClassId: string;
  code: string;
  className: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  createdAt: string;
}

/**
 * What the portal shows a person of shares: only members they represent — their own record and
 * every organisation they are a representative of (issue 18: each legal representative sees its
 * holdings). Of those, they act for (pay its documents through billing's "my invoices", ask for
 * operations) their own and the organisations they are the contact of, billing's rule. The person
 * comes from the signed-in user in SQL.
 */
@Injectable()
export class MySharesRepository {
  constructor(private readonly transactions: Transactions) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  async holders(person: PersonOfParam, userId: string): Promise<MyHolderRow[]> {
    const personSql = person.sql('$1');
    return this.query(
      `SELECT m.id AS "memberId", CASE WHEN m.person_id IS NULL THEN 'organisation' ELSE 'person' END AS kind,
              coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
              (m.person_id IS NOT NULL) AS own, m.id IN ${memberIdsActedForSql(personSql)} AS "actsFor", co.id AS "cooperatorId", co.number AS "cooperatorNumber",
              co.state AS "cooperatorState"
         FROM members m
         LEFT JOIN persons p ON p.id = m.person_id
         LEFT JOIN organisations o ON o.id = m.organisation_id
         LEFT JOIN cooperators co ON co.member_id = m.id
        WHERE m.id IN ${memberIdsRepresentedSql(personSql)}
        ORDER BY own DESC, name`,
      [userId],
    );
  }

  async movements(
    cooperatorIds: string[],
  ): Promise<(RegisterMovement & { code: string; className: string; currency: string })[]> {
    return this.query(
      `SELECT sm.kind, sm.cooperator_id AS "holderId", sm.share_class_id AS "shareClassId", sm.quantity,
              sm.first_number AS first, sm.last_number AS last, sm.unit_price AS "unitPrice", sm.currency,
              to_char(sm.effective_on, 'YYYY-MM-DD') AS "effectiveOn", c.code, c.name AS "className"
         FROM share_movements sm JOIN share_classes c ON c.id = sm.share_class_id
        WHERE sm.cooperator_id = ANY($1::uuid[])
        ORDER BY sm.effective_on, sm.recorded_at, sm.share_class_id, sm.first_number`,
      [cooperatorIds],
    );
  }

  async certificates(cooperatorIds: string[]): Promise<MyCertificateRow[]> {
    return this.query(
      `SELECT sc.id, sc.cooperator_id AS "cooperatorId", sm.share_class_id AS "shareClassId", c.code,
              c.name AS "className", sm.quantity, sm.first_number AS first, sm.last_number AS last,
              to_char(sm.effective_on, 'YYYY-MM-DD') AS date
         FROM share_certificates sc
         JOIN share_movements sm ON sm.id = sc.movement_id
         JOIN share_classes c ON c.id = sm.share_class_id
        WHERE sc.cooperator_id = ANY($1::uuid[])
        ORDER BY sm.effective_on DESC, sc.created_at DESC`,
      [cooperatorIds],
    );
  }

  async capitalReleases(memberIds: string[]): Promise<MyCapitalReleaseRow[]> {
    return this.query(
      `SELECT d.id, d.member_id AS "memberId", d.number, d.state, d.gross_amount AS gross,
              d.allocated_amount AS allocated, d.currency, d.payment_reference AS "paymentReference",
              to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate"
         FROM billing_documents d
        WHERE d.member_id = ANY($1::uuid[]) AND d.kind = 'capital-release'
        ORDER BY d.issued_at DESC`,
      [memberIds],
    );
  }

  /** Requests still under way (pending, or approved and not yet paid) of these members, or naming them. */
  async openRequests(memberIds: string[]): Promise<MyRequestRow[]> {
    return this.query(
      `SELECT s.id, coalesce(s.member_id, s.existing_member_id) AS "memberId", s.reference, s.state,
              s.share_class_id AS "shareClassId", c.code, c.name AS "className", s.quantity,
              s.unit_price AS "unitPrice", s.currency, ${isoTimestampSql('s.created_at')} AS "createdAt"
         FROM share_subscriptions s JOIN share_classes c ON c.id = s.share_class_id
        WHERE coalesce(s.member_id, s.existing_member_id) = ANY($1::uuid[]) AND s.state IN ('pending', 'approved')
        ORDER BY s.created_at DESC`,
      [memberIds],
    );
  }

  /** A certificate of one of these cooperators: where its PDF is stored. */
  async certificateFile(
    id: string,
    cooperatorIds: string[],
  ): Promise<{ key: string; sha256: string; code: string; number: string | null; first: number } | null> {
    const [row] = await this.query<{ key: string; sha256: string; code: string; number: string | null; first: number }>(
      `SELECT sc.pdf_key AS key, sc.pdf_sha256 AS sha256, c.code, co.number, sm.first_number AS first
         FROM share_certificates sc
         JOIN share_movements sm ON sm.id = sc.movement_id
         JOIN share_classes c ON c.id = sm.share_class_id
         JOIN cooperators co ON co.id = sc.cooperator_id
        WHERE sc.id = $1 AND sc.cooperator_id = ANY($2::uuid[])`,
      [id, cooperatorIds],
    );
    return row ?? null;
  }
}
