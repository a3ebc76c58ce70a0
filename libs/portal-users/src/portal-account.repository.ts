import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { ContactPersonColumn, PersonOfParam } from '@tessera/members';
import { accountStateSql, lastInvitedAtSql } from '@tessera/users';
import type { PortalAccountDto } from './dto/portal-account.dto';
import { PortalAccount } from './entities/portal-account.entity';

// A portal account as the console shows it, built in SQL from the account (`pa`) and its user (`u`)
// so that it comes in the statement that reads the member or the list, not in three of its own.
const ACCOUNT_JSON = `json_build_object(
  'state', ${accountStateSql('u')}, 'userId', pa.user_id, 'createdFrom', pa.origin,
  'sourceReference', pa.source_reference, 'autoCreated', pa.auto_created,
  'needsAcknowledgement', pa.auto_created AND pa.acknowledged_at IS NULL,
  'invitedAt', ${isoTimestampSql(lastInvitedAtSql('pa.user_id'))},
  'lastLoginAt', ${isoTimestampSql('u.last_login_at')}, 'createdAt', ${isoTimestampSql('pa.created_at')})`;

/** The members' contact person's portal account (PortalAccountDto as JSON, null without one). */
export const PORTAL_ACCOUNT_COLUMN: ContactPersonColumn = {
  name: 'portal-account',
  sql: (personId) =>
    `(SELECT ${ACCOUNT_JSON} FROM portal_accounts pa JOIN users u ON u.id = pa.user_id WHERE pa.person_id = ${personId})`,
};

/** The person a signed-in user's portal account belongs to (the user id bound to the placeholder). */
export const ACCOUNT_PERSON: PersonOfParam = {
  name: 'account-person',
  sql: (userId) => `(SELECT pa.person_id FROM portal_accounts pa WHERE pa.user_id = ${userId}::uuid)`,
};

/** The SQL of accounts for a condition on the contact person (see account-state-condition). */
export const ACCOUNT_OF_PERSON = (personId: string) =>
  `SELECT 1 FROM portal_accounts pa JOIN users u ON u.id = pa.user_id WHERE pa.person_id = ${personId}`;

@Injectable()
export class PortalAccountRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Inserts the account unless the user has one (a concurrent insert is waited for); true if
   * inserted. An existing account not yet linked to its person (made by an order before the
   * person existed) is linked now.
   */
  async insertIfAbsent(account: PortalAccount): Promise<boolean> {
    const rows: { inserted: boolean }[] = await this.transactions.manager.query(
      `INSERT INTO portal_accounts (user_id, person_id, origin, source_reference, auto_created, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET person_id = EXCLUDED.person_id
         WHERE portal_accounts.person_id IS NULL AND EXCLUDED.person_id IS NOT NULL
       RETURNING xmax = 0 AS inserted`,
      [
        account.userId,
        account.personId,
        account.origin,
        account.sourceReference,
        account.autoCreated,
        account.createdAt,
      ],
    );
    return rows[0]?.inserted === true;
  }

  /** The accounts of the users with these (normalised) e-mails, in one statement. */
  async findByEmails(emails: string[]): Promise<Map<string, PortalAccountDto>> {
    const rows: { email: string; account: PortalAccountDto }[] = await this.transactions.manager.query(
      `SELECT u.email, ${ACCOUNT_JSON} AS account
         FROM users u JOIN portal_accounts pa ON pa.user_id = u.id WHERE u.email = ANY($1)`,
      [emails],
    );
    return new Map(rows.map((row) => [row.email, row.account]));
  }

  async acknowledge(userId: string, by: string, at: Date): Promise<void> {
    await this.transactions.repository(PortalAccount).update({ userId }, { acknowledgedAt: at, acknowledgedBy: by });
  }
}
