import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The daily status sweep (issue 16): one row per run, and the indexes its choice of members
 * walks — live subscriptions by the day their paid period (or their membership) ends, ended ones
 * by their end date — so a sweep that finds nothing to move reads no member it leaves alone.
 */
export class CreateStatusSweeps1765004000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE status_sweeps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        as_of date NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule','staff')),
        started_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        state text NOT NULL CHECK (state IN ('queued','running','done','failed')),
        examined int NOT NULL DEFAULT 0,
        changed int NOT NULL DEFAULT 0,
        changes jsonb NOT NULL DEFAULT '{}',
        error text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // The scheduled sweep of a day is recorded once, however many workers' ticks ask.
    await queryRunner.query(
      `CREATE UNIQUE INDEX status_sweeps_daily_key ON status_sweeps (as_of) WHERE trigger = 'schedule'`,
    );
    await queryRunner.query(`CREATE INDEX status_sweeps_created_idx ON status_sweeps (created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX subscriptions_status_due_idx ON subscriptions ((least(current_period_end, ends_on)))
        WHERE state = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX subscriptions_ended_on_idx ON subscriptions (ends_on) WHERE state = 'ended'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX subscriptions_ended_on_idx`);
    await queryRunner.query(`DROP INDEX subscriptions_status_due_idx`);
    await queryRunner.query(`DROP TABLE status_sweeps`);
  }
}
