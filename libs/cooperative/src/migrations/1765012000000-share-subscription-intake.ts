import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Share subscriptions from the public form and the portal (issue 18): an organisation with its
 * representatives may be the new holder, as a person already could, and each request records
 * where it came from (the public form, staff, an integrator, the holder's portal).
 */
export class ShareSubscriptionIntake1765012000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // The unnamed table check "existing member xor person" becomes "exactly one holder".
    await queryRunner.query(`
      DO $$
      DECLARE name text;
      BEGIN
        SELECT conname INTO name FROM pg_constraint
         WHERE conrelid = 'share_subscriptions'::regclass AND contype = 'c'
           AND pg_get_constraintdef(oid) LIKE '%existing_member_id IS NULL%person IS NULL%';
        EXECUTE format('ALTER TABLE share_subscriptions DROP CONSTRAINT %I', name);
      END $$`);
    await queryRunner.query(`
      ALTER TABLE share_subscriptions
        ADD COLUMN organisation jsonb,
        ADD COLUMN source text NOT NULL DEFAULT 'staff' CHECK (source IN ('online', 'staff', 'api', 'portal')),
        ADD CONSTRAINT share_subscriptions_one_holder_check
          CHECK (num_nonnulls(existing_member_id, person, organisation) = 1)`);
    await queryRunner.query(`ALTER TABLE share_subscriptions ALTER COLUMN source DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM share_subscriptions WHERE organisation IS NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE share_subscriptions
        DROP CONSTRAINT share_subscriptions_one_holder_check,
        DROP COLUMN organisation,
        DROP COLUMN source,
        ADD CHECK ((existing_member_id IS NULL) <> (person IS NULL))`);
  }
}
