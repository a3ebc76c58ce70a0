import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEmailMessages1763790000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE email_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient text NOT NULL,
        template text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en', 'fr')),
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        secrets jsonb,
        secrets_erased_at timestamptz,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
        subject text,
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        message_id text,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK (state <> 'sent' OR sent_at IS NOT NULL)
      )`);
    // The mail log lists newest first, optionally by state or recipient.
    await queryRunner.query(`CREATE INDEX email_messages_created_idx ON email_messages (created_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX email_messages_state_created_idx ON email_messages (state, created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX email_messages_recipient_created_idx ON email_messages (lower(recipient), created_at DESC, id DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE email_messages`);
  }
}
