import { MigrationInterface, QueryRunner } from 'typeorm';

/** Drops the CHECK that a transfer names a receiving member (its name was given by PostgreSQL). */
const DROP_RECEIVER_CHECK = `
  DO $$ DECLARE c record; BEGIN
    FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = 'share_operations'::regclass AND contype = 'c'
                AND pg_get_constraintdef(oid) LIKE '%transfer%' AND pg_get_constraintdef(oid) LIKE '%to_member_id%'
    LOOP EXECUTE format('ALTER TABLE share_operations DROP CONSTRAINT %I', c.conname); END LOOP;
  END $$`;

/**
 * Staff may transfer shares to a person who is not a member yet: the operation keeps the person
 * as given (`to_person`) until its approval makes or matches their member record (`to_member_id`).
 * A transfer asked for names exactly one receiver; once approved, both say who received.
 */
export class TransferToNewPerson1765016600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DROP_RECEIVER_CHECK);
    await queryRunner.query(`
      ALTER TABLE share_operations
        ADD COLUMN to_person jsonb CHECK (jsonb_typeof(to_person) = 'object' AND to_person ? 'email'),
        ADD CONSTRAINT share_operations_receiver_check CHECK (
          CASE WHEN kind <> 'transfer' THEN to_member_id IS NULL AND to_person IS NULL
               WHEN state IN ('approved','executed') THEN to_member_id IS NOT NULL
               ELSE num_nonnulls(to_member_id, to_person) = 1 END)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM share_operations WHERE to_person IS NOT NULL AND to_member_id IS NULL`);
    await queryRunner.query(`
      ALTER TABLE share_operations DROP CONSTRAINT share_operations_receiver_check, DROP COLUMN to_person,
        ADD CHECK ((kind = 'transfer') = (to_member_id IS NOT NULL))`);
  }
}
