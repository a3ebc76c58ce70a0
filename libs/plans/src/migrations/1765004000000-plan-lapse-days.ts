import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans gain lapse days (issue 16): a member suspended for longer than this becomes an
 * Ex-member and their subscription ends. Existing plans lapse after 90 days.
 */
export class PlanLapseDays1765004000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE plans ADD COLUMN lapse_days int NOT NULL DEFAULT 90 CHECK (lapse_days BETWEEN 0 AND 3650)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE plans DROP COLUMN lapse_days`);
  }
}
