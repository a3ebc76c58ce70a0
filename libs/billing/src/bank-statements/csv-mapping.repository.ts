import { Injectable } from '@nestjs/common';
import { isoTimestampSql, Transactions } from '@tessera/core';
import type { CsvMapping } from './csv-mapping';

/** A bank account's saved CSV layout, with who saved it last. */
export interface SavedCsvMapping {
  accountIban: string;
  mapping: CsvMapping;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
}

const COLUMNS = `
  m.account_iban AS "accountIban", m.mapping, ${isoTimestampSql('m.updated_at')} AS "updatedAt",
  (SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = m.updated_by_user_id) AS "updatedBy"`;

/** The only place that speaks SQL for bank_account_csv_mappings. */
@Injectable()
export class CsvMappingRepository {
  constructor(private readonly transactions: Transactions) {}

  private get manager() {
    return this.transactions.manager;
  }

  async list(offset: number, limit: number): Promise<[SavedCsvMapping[], number]> {
    const [{ total }] = (await this.manager.query(`SELECT count(*)::int AS total FROM bank_account_csv_mappings`)) as {
      total: number;
    }[];
    const rows = (await this.manager.query(
      `SELECT ${COLUMNS} FROM bank_account_csv_mappings m ORDER BY m.account_iban LIMIT $1 OFFSET $2`,
      [limit, offset],
    )) as SavedCsvMapping[];
    return [rows, total];
  }

  async find(accountIban: string): Promise<SavedCsvMapping | null> {
    const [row] = (await this.manager.query(
      `SELECT ${COLUMNS} FROM bank_account_csv_mappings m WHERE m.account_iban = $1`,
      [accountIban],
    )) as SavedCsvMapping[];
    return row ?? null;
  }

  /** Creates or replaces the account's mapping (the last save wins, as with any settings form). */
  async save(accountIban: string, mapping: CsvMapping, userId: string | null, now: Date): Promise<void> {
    await this.manager.query(
      `INSERT INTO bank_account_csv_mappings (account_iban, mapping, updated_by_user_id, updated_at)
       VALUES ($1, $2::jsonb, $3, $4)
       ON CONFLICT (account_iban) DO UPDATE
         SET mapping = excluded.mapping, updated_by_user_id = excluded.updated_by_user_id, updated_at = excluded.updated_at`,
      [accountIban, JSON.stringify(mapping), userId, now],
    );
  }

  async delete(accountIban: string): Promise<boolean> {
    const [, count] = (await this.manager.query(`DELETE FROM bank_account_csv_mappings WHERE account_iban = $1`, [
      accountIban,
    ])) as [unknown, number];
    return count > 0;
  }
}
