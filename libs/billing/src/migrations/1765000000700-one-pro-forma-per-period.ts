import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Renewal runs issue pro-formas in bulk: one per subject and period start (a re-run, two runs at
 * once or a run killed and restarted issue each once), and a series row may exist before its
 * first number (the run locks it before it counts).
 */
export class OneProFormaPerPeriod1765000000700 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX billing_documents_pro_forma_period_key ON billing_documents (subject_type, subject_id, period_start)
        WHERE kind = 'pro-forma'`,
    );
    await queryRunner.query(
      `ALTER TABLE billing_number_series DROP CONSTRAINT billing_number_series_last_number_check`,
    );
    await queryRunner.query(`ALTER TABLE billing_number_series ADD CHECK (last_number >= 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX billing_documents_pro_forma_period_key`);
  }
}
