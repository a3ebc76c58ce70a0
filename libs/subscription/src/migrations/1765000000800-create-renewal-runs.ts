import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRenewalRuns1765000000800 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE renewal_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        as_of date NOT NULL,
        trigger text NOT NULL CHECK (trigger IN ('schedule','staff')),
        started_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        state text NOT NULL CHECK (state IN ('queued','running','done','failed')),
        examined int NOT NULL DEFAULT 0,
        issued int NOT NULL DEFAULT 0,
        totals jsonb NOT NULL DEFAULT '[]',
        failures int NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // The daily run of a day happens once, however many workers' schedulers fire.
    await queryRunner.query(
      `CREATE UNIQUE INDEX renewal_runs_daily_key ON renewal_runs (as_of) WHERE trigger = 'schedule'`,
    );
    await queryRunner.query(`CREATE INDEX renewal_runs_created_idx ON renewal_runs (created_at DESC)`);
    // The run's choice of due subscriptions walks live ones by id.
    await queryRunner.query(
      `CREATE INDEX subscriptions_live_idx ON subscriptions (id) INCLUDE (current_period_end, plan_id)
        WHERE state IN ('pending','active') AND ends_on IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX subscriptions_live_idx`);
    await queryRunner.query(`DROP TABLE renewal_runs`);
  }
}
