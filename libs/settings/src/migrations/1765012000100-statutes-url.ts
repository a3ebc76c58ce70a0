import { MigrationInterface, QueryRunner } from 'typeorm';

/** The co-operative's statutes (issue 18): the share subscription form's consent links to them. */
export class StatutesUrl1765012000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE organisation_settings ADD COLUMN statutes_url text CHECK (char_length(statutes_url) <= 500)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisation_settings DROP COLUMN statutes_url`);
  }
}
