import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaptchaSolutions1763795100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE captcha_solutions (
        signature text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX captcha_solutions_expires_at_idx ON captcha_solutions (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE captcha_solutions`);
  }
}
