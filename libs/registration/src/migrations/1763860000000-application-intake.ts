import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicant's confirmation and the approval request now follow a submission in the worker
 * (an outbox job), not in the submitting request: `intake_completed_at` records that they were
 * done, so a job run twice acts once. Applications already stored had theirs when submitted.
 */
export class ApplicationIntake1763860000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications ADD COLUMN intake_completed_at timestamptz`);
    await queryRunner.query(`UPDATE applications SET intake_completed_at = submitted_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN intake_completed_at`);
  }
}
