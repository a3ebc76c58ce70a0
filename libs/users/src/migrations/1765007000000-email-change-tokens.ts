import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time tokens may now confirm a change of sign-in e-mail: they carry the address asked for,
 * which becomes the user's only when the link sent to it is opened.
 */
export class EmailChangeTokens1765007000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_tokens DROP CONSTRAINT user_tokens_purpose_check`);
    await queryRunner.query(`
      ALTER TABLE user_tokens
        ADD CONSTRAINT user_tokens_purpose_check CHECK (purpose IN ('password-reset','activation','email-change')),
        ADD COLUMN new_email text CHECK (new_email = lower(btrim(new_email)) AND new_email <> ''),
        ADD CONSTRAINT user_tokens_email_change_new_email_check CHECK ((purpose = 'email-change') = (new_email IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM user_tokens WHERE purpose = 'email-change'`);
    await queryRunner.query(`
      ALTER TABLE user_tokens
        DROP CONSTRAINT user_tokens_email_change_new_email_check,
        DROP COLUMN new_email,
        DROP CONSTRAINT user_tokens_purpose_check,
        ADD CONSTRAINT user_tokens_purpose_check CHECK (purpose IN ('password-reset','activation'))`);
  }
}
