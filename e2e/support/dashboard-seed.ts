import { localDateIn } from '@tessera/core';
import type { DataSource } from 'typeorm';

// Known data for the dashboard's figures, written straight to the tables (set-based, exact dates):
// members with their status history, payments, documents and subscriptions.

/** The month `offset` months from the organisation's this month, YYYY-MM. */
export function monthAt(today: string, offset: number): string {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + month - 1 + offset;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A local date `days` after another. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Today in the organisation's time zone. */
export function todayIn(timeZone: string): string {
  return localDateIn(timeZone, new Date());
}

/**
 * A status change `offset` months from this month: on the 15th at noon UTC (no time zone moves it
 * to another month), or — this month — within the last minute (the 15th may be to come).
 */
export function changeAt(today: string, offset: number, minute = 0): string {
  if (offset === 0) return new Date(Date.now() - (60 - minute) * 1000).toISOString();
  return `${monthAt(today, offset)}-15T12:${String(minute).padStart(2, '0')}:00Z`;
}

/** A person member whose status history is `changes` (oldest first); its status is the last. */
export async function seedMemberWithHistory(
  db: DataSource,
  planId: string,
  name: string,
  changes: { status: string; at: string }[],
): Promise<string> {
  const last = changes[changes.length - 1];
  const [{ id }] = (await db.query(
    `WITH person AS (
       INSERT INTO persons (first_name, last_name, email, locale, created_at, updated_at)
       VALUES ($1, 'Dashboard', lower($1) || '.dashboard@example.test', 'en', $3, $3) RETURNING id)
     INSERT INTO members (number, kind, person_id, plan_id, status, joined_at, source_type, created_at, updated_at)
     SELECT 'M-' || lpad(nextval('member_number_seq')::text, 6, '0'), 'person', person.id, $2, $4, $3, 'staff', $3, $3
       FROM person RETURNING id`,
    [name, planId, changes[0].at, last.status],
  )) as { id: string }[];
  let from: string | null = null;
  for (const change of changes) {
    await db.query(
      `INSERT INTO member_status_changes (member_id, from_status, to_status, reason, actor_kind, occurred_at)
       VALUES ($1, $2, $3, 'Seeded for the dashboard', 'system', $4)`,
      [id, from, change.status, change.at],
    );
    from = change.status;
  }
  return id;
}

let receipt = 0;
/** A payment received on `paidOn` (local date); `reversed` ones are left out of revenue. */
export async function seedPayment(
  db: DataSource,
  memberId: string,
  payment: { amount: number; currency: string; paidOn: string; reversed?: boolean },
): Promise<void> {
  receipt += 1;
  await db.query(
    `INSERT INTO billing_payments (receipt_number, member_id, amount, currency, unallocated_amount, method, source,
                                   paid_on, created_at, reversed_at, reversal_reason)
     VALUES ($1, $2, $3, $4, $3, 'bank-transfer', 'staff', $5, now(), $6, $7)`,
    [
      `REC-SEED-${receipt}`,
      memberId,
      payment.amount,
      payment.currency,
      payment.paidOn,
      payment.reversed ? new Date() : null,
      payment.reversed ? 'Seeded reversal' : null,
    ],
  );
}

let documentNumber = 0;
/** A document of `gross` with `allocated` paid on it. */
export async function seedDocument(
  db: DataSource,
  memberId: string,
  document: { kind: 'invoice' | 'pro-forma'; state: string; currency: string; gross: number; allocated: number },
): Promise<void> {
  documentNumber += 1;
  await db.query(
    `INSERT INTO billing_documents (kind, state, number, member_id, buyer, locale, currency, net_amount, tax_amount,
                                    gross_amount, allocated_amount, issue_date, due_date, issued_at, updated_at)
     VALUES ($1, $2, $3, $4, '{"name":"Seed"}', 'en', $5, $6, 0, $6, $7, CURRENT_DATE, CURRENT_DATE + 30, now(), now())`,
    [
      document.kind,
      document.state,
      `SEED-${documentNumber}`,
      memberId,
      document.currency,
      document.gross,
      document.allocated,
    ],
  );
}

/** A subscription of the member whose current period ends on `periodEnd`. */
export async function seedSubscription(
  db: DataSource,
  memberId: string,
  planId: string,
  subscription: { state: string; periodEnd: string; endsOn?: string },
): Promise<void> {
  await db.query(
    `INSERT INTO subscriptions (member_id, plan_id, state, origin, start_date, cycle_anchor, current_period_start,
                                current_period_end, ends_on, end_reason, created_at, updated_at)
     VALUES ($1, $2, $3, 'staff', $4::date - 364, $4::date - 364, $4::date - 364, $4, $5, $6, now(), now())`,
    [
      memberId,
      planId,
      subscription.state,
      subscription.periodEnd,
      subscription.endsOn ?? null,
      subscription.endsOn ? 'Seeded end' : null,
    ],
  );
}
