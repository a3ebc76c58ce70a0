import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One LIVE pro-forma per subject and period start: a cancelled one no longer blocks the period,
 * so a plan change can cancel the pro-forma issued on the old plan and issue it again on the new.
 */
export class LiveProFormaPerPeriod1765006000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX billing_documents_pro_forma_period_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX billing_documents_pro_forma_period_key ON billing_documents (subject_type, subject_id, period_start)
        WHERE kind = 'pro-forma' AND state <> 'cancelled'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX billing_documents_pro_forma_period_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX billing_documents_pro_forma_period_key ON billing_documents (subject_type, subject_id, period_start)
        WHERE kind = 'pro-forma'`,
    );
  }
}
