import { MigrationInterface, QueryRunner } from 'typeorm';

/** How each bank account's CSV export is laid out, saved by finance and used by its next uploads. */
export class BankAccountCsvMappings1765003000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bank_account_csv_mappings (
        account_iban text PRIMARY KEY CHECK (account_iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        mapping jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'object'),
        updated_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bank_account_csv_mappings`);
  }
}
