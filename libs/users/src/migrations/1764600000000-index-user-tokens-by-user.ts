import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff console asks for a user's latest invitation (`max(created_at)` of its activation
 * tokens, consumed or not); the only index covered open tokens, so that scanned the table.
 */
export class IndexUserTokensByUser1764600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX user_tokens_user_purpose_created_idx ON user_tokens (user_id, purpose, created_at DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX user_tokens_user_purpose_created_idx`);
  }
}
