import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plan may require supporting documents with its applications (a student plan: proof of
 * enrolment): at least `documents_required` of them, with a hint the form shows.
 */
export class PlanDocuments1764900000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE plans
        ADD COLUMN documents_required int NOT NULL DEFAULT 0 CHECK (documents_required BETWEEN 0 AND 10),
        ADD COLUMN documents_hint text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE plans DROP COLUMN documents_required, DROP COLUMN documents_hint`);
  }
}
