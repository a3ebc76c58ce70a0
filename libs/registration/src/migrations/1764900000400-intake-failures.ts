import { MigrationInterface, QueryRunner } from 'typeorm';

/** An intake whose job failed for good is recorded on the application, for staff to see and retry. */
export class IntakeFailures1764900000400 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications ADD COLUMN intake_failed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN intake_failed_at`);
  }
}
