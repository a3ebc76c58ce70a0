import { MigrationInterface, QueryRunner } from 'typeorm';

/** E-mails between delivery attempts are `deferred`, with the time of their next attempt. */
export class EmailDeferred1764500000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages ADD COLUMN next_attempt_at timestamptz`);
    await queryRunner.query(`ALTER TABLE email_messages DROP CONSTRAINT email_messages_state_check`);
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT email_messages_state_check
         CHECK (state IN ('queued', 'deferred', 'sent', 'failed'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE email_messages SET state = 'queued' WHERE state = 'deferred'`);
    await queryRunner.query(`ALTER TABLE email_messages DROP CONSTRAINT email_messages_state_check`);
    await queryRunner.query(
      `ALTER TABLE email_messages ADD CONSTRAINT email_messages_state_check
         CHECK (state IN ('queued', 'sent', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE email_messages DROP COLUMN next_attempt_at`);
  }
}
