import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { OrganisationDetails, PersonDetails } from '@tessera/members';
import type { ShareSubscriptionState } from '../share-subscription-state';

/** Where a request came from: the public form, staff, an integrator's key, the holder's portal. */
export type ShareSubscriptionSource = 'online' | 'staff' | 'api' | 'portal';

/** The person as the request gives them (birth date, address… when the public form asked). */
export type StoredSharePerson = PersonDetails;

/** One request under review per holder and class (the partial unique index). */
export const ONE_PENDING_INDEX = 'share_subscriptions_one_pending_key';

export interface ShareSubscriptionRow {
  id: string;
  reference: string;
  state: ShareSubscriptionState;
  shareClassId: string;
  shareClassCode: string;
  shareClassName: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  holderKind: 'person' | 'organisation';
  holderKey: string;
  holderName: string;
  holderEmail: string;
  existingMemberId: string | null;
  person: StoredSharePerson | null;
  organisation: OrganisationDetails | null;
  source: ShareSubscriptionSource;
  iban: string;
  locale: 'en' | 'fr';
  approvalRequestId: string | null;
  memberId: string | null;
  capitalReleaseId: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  crr: { id: string; number: string; state: string; gross: number; allocated: number; reference: string | null } | null;
}

export type NewShareSubscription = Pick<
  ShareSubscriptionRow,
  | 'reference'
  | 'shareClassId'
  | 'quantity'
  | 'unitPrice'
  | 'currency'
  | 'holderKind'
  | 'holderKey'
  | 'holderName'
  | 'holderEmail'
  | 'existingMemberId'
  | 'person'
  | 'organisation'
  | 'source'
  | 'iban'
  | 'locale'
> & { createdBy: string | null; now: Date };

const COLUMNS = `s.id, s.reference, s.state, s.share_class_id AS "shareClassId", c.code AS "shareClassCode",
  c.name AS "shareClassName", s.quantity, s.unit_price AS "unitPrice", s.currency, s.holder_kind AS "holderKind",
  s.holder_key AS "holderKey", s.holder_name AS "holderName", s.holder_email AS "holderEmail",
  s.existing_member_id AS "existingMemberId", s.person, s.organisation, s.source, s.iban, s.locale,
  s.approval_request_id AS "approvalRequestId", s.member_id AS "memberId", s.capital_release_id AS "capitalReleaseId",
  ${isoTimestampSql('s.created_at')} AS "createdAt", ${isoTimestampSql('s.decided_at')} AS "decidedAt",
  s.decided_by_name AS "decidedByName", s.decision_note AS "decisionNote",
  (SELECT json_build_object('id', d.id, 'number', d.number, 'state', d.state, 'gross', d.gross_amount,
                            'allocated', d.allocated_amount, 'reference', d.payment_reference)
     FROM billing_documents d WHERE d.id = s.capital_release_id) AS crr`;
const FROM = `FROM share_subscriptions s JOIN share_classes c ON c.id = s.share_class_id`;

@Injectable()
export class ShareSubscriptionRepository {
  constructor(private readonly transactions: Transactions) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.transactions.manager.query(sql, params) as Promise<T[]>;
  }

  async nextNumber(): Promise<number> {
    const [row] = await this.query<{ n: number }>(`SELECT nextval('share_subscription_number_seq')::int AS n`);
    return row.n;
  }

  async insert(input: NewShareSubscription): Promise<string> {
    const [row] = await this.query<{ id: string }>(
      `INSERT INTO share_subscriptions (reference, state, share_class_id, quantity, unit_price, currency, holder_kind,
              holder_key, holder_name, holder_email, existing_member_id, person, iban, locale, statutes_accepted_at,
              created_by, created_at, organisation, source)
       VALUES ($1, 'pending', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $14, $16, $17) RETURNING id`,
      [
        input.reference,
        input.shareClassId,
        input.quantity,
        input.unitPrice,
        input.currency,
        input.holderKind,
        input.holderKey,
        input.holderName,
        input.holderEmail,
        input.existingMemberId,
        input.person ? JSON.stringify(input.person) : null,
        input.iban,
        input.locale,
        input.now,
        input.createdBy,
        input.organisation ? JSON.stringify(input.organisation) : null,
        input.source,
      ],
    );
    return row.id;
  }

  async setApprovalRequest(id: string, approvalRequestId: string): Promise<void> {
    await this.query(`UPDATE share_subscriptions SET approval_request_id = $2 WHERE id = $1`, [id, approvalRequestId]);
  }

  async findPending(holderKey: string, shareClassId: string): Promise<ShareSubscriptionRow | null> {
    const [row] = await this.query<ShareSubscriptionRow>(
      `SELECT ${COLUMNS} ${FROM} WHERE s.holder_key = $1 AND s.share_class_id = $2 AND s.state = 'pending'`,
      [holderKey, shareClassId],
    );
    return row ?? null;
  }

  async find(id: string, lock = false): Promise<ShareSubscriptionRow | null> {
    if (lock) await this.query(`SELECT 1 FROM share_subscriptions WHERE id = $1 FOR UPDATE`, [id]);
    const [row] = await this.query<ShareSubscriptionRow>(`SELECT ${COLUMNS} ${FROM} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  async list(state: ShareSubscriptionState | undefined, offset: number, limit: number) {
    const where = state ? `WHERE s.state = $3` : '';
    const params = state ? [limit, offset, state] : [limit, offset];
    const rows = await this.query<ShareSubscriptionRow>(
      `SELECT ${COLUMNS} ${FROM} ${where} ORDER BY s.created_at DESC, s.id DESC LIMIT $1 OFFSET $2`,
      params,
    );
    const [{ total }] = await this.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM share_subscriptions s ${where.replace('$3', '$1')}`,
      state ? [state] : [],
    );
    return { rows, total };
  }

  async approve(id: string, change: { memberId: string; capitalReleaseId: string; at: Date; by: string }) {
    await this.query(
      `UPDATE share_subscriptions SET state = 'approved', member_id = $2, capital_release_id = $3, decided_at = $4,
              decided_by_name = $5 WHERE id = $1`,
      [id, change.memberId, change.capitalReleaseId, change.at, change.by],
    );
  }

  async close(id: string, state: 'refused' | 'cancelled', change: { at: Date; by: string; note: string }) {
    await this.query(
      `UPDATE share_subscriptions SET state = $2, decided_at = $3, decided_by_name = $4, decision_note = $5 WHERE id = $1`,
      [id, state, change.at, change.by, change.note],
    );
  }

  async markPaid(id: string, at: Date): Promise<void> {
    await this.query(`UPDATE share_subscriptions SET state = 'paid', paid_at = $2 WHERE id = $1`, [id, at]);
  }

  /** The key "one pending request per holder" is about: the party's e-mail or registration key. */
  async holderOfMember(memberId: string) {
    const [row] = await this.query<{ kind: 'person' | 'organisation'; key: string; name: string }>(
      `SELECT CASE WHEN m.person_id IS NOT NULL THEN 'person' ELSE 'organisation' END AS kind,
              CASE WHEN m.person_id IS NOT NULL THEN 'person:' || coalesce(p.email, p.id::text)
                   ELSE 'organisation:' || o.registration_key END AS key,
              coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name
         FROM members m LEFT JOIN persons p ON p.id = m.person_id LEFT JOIN organisations o ON o.id = m.organisation_id
        WHERE m.id = $1`,
      [memberId],
    );
    return row ?? null;
  }

  /** The member record of a holder key (a person's e-mail, an organisation's registration key), if any. */
  async memberOfHolderKey(key: string): Promise<string | null> {
    const [kind, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    const [row] = await this.query<{ id: string }>(
      kind === 'person'
        ? `SELECT m.id FROM persons p JOIN members m ON m.person_id = p.id WHERE p.email = $1`
        : `SELECT m.id FROM organisations o JOIN members m ON m.organisation_id = o.id WHERE o.registration_key = $1`,
      [value],
    );
    return row?.id ?? null;
  }
}
