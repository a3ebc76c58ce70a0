import { MigrationInterface, QueryRunner } from 'typeorm';

/** A job that failed for good says so on its outbox message (when, and why), so staff and health can see it. */
export class OutboxFailures1764900000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz, ADD COLUMN failure text`);
    await queryRunner.query(
      `CREATE INDEX outbox_messages_failed_idx ON outbox_messages (failed_at) WHERE failed_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_messages_failed_idx`);
    await queryRunner.query(`ALTER TABLE outbox_messages DROP COLUMN failed_at, DROP COLUMN failure`);
  }
}
