import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fourth kind of document, `capital-release` (a co-operative's call for the share capital
 * subscribed, issue 18), with its own gapless series CRR. The checks on kind and state were
 * unnamed, so they are found by their text.
 */
export class CapitalReleaseDocuments1765009000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await dropChecks(queryRunner, 'billing_documents', `CHECK ((kind = ANY%`, `%`);
    await dropChecks(queryRunner, 'billing_documents', `%'credit-note'%`, `%state%`);
    await dropChecks(queryRunner, 'billing_number_series', `%series%`, `%'INV'%`);
    await queryRunner.query(`
      ALTER TABLE billing_documents
        ADD CONSTRAINT billing_documents_kind_check CHECK (kind IN ('invoice','pro-forma','credit-note','capital-release')),
        ADD CONSTRAINT billing_documents_kind_state_check CHECK (
          (kind = 'invoice' AND state IN ('open','partially-paid','paid','credited')) OR
          (kind = 'pro-forma' AND state IN ('open','confirmed','declined','cancelled')) OR
          (kind = 'credit-note' AND state = 'issued') OR
          (kind = 'capital-release' AND state IN ('open','partially-paid','paid')))`);
    await queryRunner.query(
      `ALTER TABLE billing_number_series ADD CONSTRAINT billing_number_series_series_check CHECK (series IN ('INV','PRO','CN','REC','CRR'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM billing_documents WHERE kind = 'capital-release'`);
    await queryRunner.query(`DELETE FROM billing_number_series WHERE series = 'CRR'`);
    await queryRunner.query(`ALTER TABLE billing_number_series DROP CONSTRAINT billing_number_series_series_check`);
    await queryRunner.query(`
      ALTER TABLE billing_number_series ADD CHECK (series IN ('INV','PRO','CN','REC'))`);
  }
}

/** Drops the CHECK constraints of `table` whose definition matches both patterns. */
async function dropChecks(queryRunner: QueryRunner, table: string, pattern: string, also: string): Promise<void> {
  const checks: { name: string }[] = await queryRunner.query(
    `SELECT conname AS name FROM pg_constraint
      WHERE conrelid = $1::regclass AND contype = 'c'
        AND pg_get_constraintdef(oid) LIKE $2 AND pg_get_constraintdef(oid) LIKE $3`,
    [table, pattern, also],
  );
  for (const { name } of checks) await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT "${name}"`);
}
