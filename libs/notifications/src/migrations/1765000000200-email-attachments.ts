import { MigrationInterface, QueryRunner } from 'typeorm';

/** Files sent with an e-mail (an invoice's PDF): their names and FileStorage keys, read at delivery. */
export class EmailAttachments1765000000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE email_messages
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(attachments) = 'array')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE email_messages DROP COLUMN attachments`);
  }
}
