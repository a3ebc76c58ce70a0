import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox stays the record of intent until a job finishes (`completed_at`): the relay hands a
 * message over again when it is not finished within its queue's time (a job lost with Redis).
 */
export class OutboxCompletion1764500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE outbox_messages ADD COLUMN completed_at timestamptz`);
    // Whether older jobs finished is unknown: those of the last week are checked once more (every
    // job is idempotent), older ones count as finished.
    await queryRunner.query(
      `UPDATE outbox_messages SET completed_at = dispatched_at
        WHERE dispatched_at IS NOT NULL AND dispatched_at < now() - interval '7 days'`,
    );
    await queryRunner.query(`DROP INDEX outbox_messages_pending_idx`);
    // The relay reads unfinished rows: never relayed (NULL) or relayed long enough ago.
    await queryRunner.query(
      `CREATE INDEX outbox_messages_open_idx ON outbox_messages (dispatched_at) WHERE completed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_messages_open_idx`);
    await queryRunner.query(
      `CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE outbox_messages DROP COLUMN completed_at`);
  }
}
