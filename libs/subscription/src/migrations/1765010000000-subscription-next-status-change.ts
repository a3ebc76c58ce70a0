import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The day each subscription's member may next change status with time alone (see
 * statuses/next-status-change.ts), indexed so the daily sweep reads only those whose day has
 * come. Existing rows start at the earliest such day: the first sweep looks at each once and
 * moves its date on. The sweep's former indexes go: they cost every subscription write and the
 * forecast, which reads the whole rule for a future day, scans anyway.
 */
export class SubscriptionNextStatusChange1765010000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subscriptions ADD COLUMN next_status_change_on date`);
    await queryRunner.query(`
      UPDATE subscriptions SET next_status_change_on = CASE state
          WHEN 'active' THEN least(current_period_end, ends_on) + 1
          WHEN 'ended' THEN ends_on + 1 END
       WHERE state IN ('active', 'ended')`);
    await queryRunner.query(
      `CREATE INDEX subscriptions_next_status_change_idx ON subscriptions (next_status_change_on)
        WHERE next_status_change_on IS NOT NULL`,
    );
    await queryRunner.query(`DROP INDEX subscriptions_status_due_idx`);
    await queryRunner.query(`DROP INDEX subscriptions_ended_on_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX subscriptions_status_due_idx ON subscriptions ((least(current_period_end, ends_on)))
        WHERE state = 'active'`,
    );
    await queryRunner.query(`CREATE INDEX subscriptions_ended_on_idx ON subscriptions (ends_on) WHERE state = 'ended'`);
    await queryRunner.query(`DROP INDEX subscriptions_next_status_change_idx`);
    await queryRunner.query(`ALTER TABLE subscriptions DROP COLUMN next_status_change_on`);
  }
}
