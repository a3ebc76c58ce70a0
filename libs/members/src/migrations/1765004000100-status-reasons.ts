import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `('non-member','upcoming','member','in-grace','suspended','ex-member')`;

/**
 * The status engine (issue 16): a history row keeps its reason as a code and values too (the SPA
 * words it in the reader's language; `reason` stays the English words), the daily sweep is an
 * actor of its own, and an admin's hand-set status remembers the engine's verdict it overrode
 * (the override holds while the engine still says so).
 */
export class StatusReasons1765004000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE member_status_changes
        ADD COLUMN reason_code text,
        ADD COLUMN reason_params jsonb,
        DROP CONSTRAINT member_status_changes_actor_kind_check,
        ADD CONSTRAINT member_status_changes_actor_kind_check
          CHECK (actor_kind IN ('user','api-key','system','sweep'))`);
    await queryRunner.query(`
      ALTER TABLE members
        ADD COLUMN status_override_basis text CHECK (status_override_basis IN ${STATUSES}),
        ADD COLUMN status_override_reason text,
        ADD CONSTRAINT members_status_override_check
          CHECK ((status_override_basis IS NULL) = (status_override_reason IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE members DROP COLUMN status_override_basis, DROP COLUMN status_override_reason`);
    await queryRunner.query(`DELETE FROM member_status_changes WHERE actor_kind = 'sweep'`);
    await queryRunner.query(`
      ALTER TABLE member_status_changes
        DROP COLUMN reason_code, DROP COLUMN reason_params,
        DROP CONSTRAINT member_status_changes_actor_kind_check,
        ADD CONSTRAINT member_status_changes_actor_kind_check CHECK (actor_kind IN ('user','api-key','system'))`);
  }
}
