import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubscriptions1765000000600 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        state text NOT NULL CHECK (state IN ('pending','active','ended','cancelled')),
        origin text NOT NULL CHECK (origin IN ('application','order','staff')),
        origin_id uuid,
        origin_reference text,
        start_date date NOT NULL,
        cycle_anchor date NOT NULL,
        current_period_start date NOT NULL,
        current_period_end date NOT NULL CHECK (current_period_end >= current_period_start),
        ends_on date,
        end_reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        -- An active subscription may already know its last day (a declined renewal).
        CHECK (state NOT IN ('ended','cancelled') OR end_reason IS NOT NULL),
        CHECK (state <> 'ended' OR ends_on IS NOT NULL),
        CHECK ((ends_on IS NULL) = (end_reason IS NULL) OR state = 'cancelled')
      )`);
    // The rule "one live subscription per member", kept by the database under any concurrency.
    await queryRunner.query(
      `CREATE UNIQUE INDEX subscriptions_one_live_key ON subscriptions (member_id) WHERE state IN ('pending','active')`,
    );
    await queryRunner.query(`CREATE INDEX subscriptions_member_idx ON subscriptions (member_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX subscriptions_list_idx ON subscriptions (created_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE subscription_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
        from_state text,
        to_state text NOT NULL,
        reason text NOT NULL,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX subscription_events_subscription_idx ON subscription_events (subscription_id, occurred_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE subscription_events`);
    await queryRunner.query(`DROP TABLE subscriptions`);
  }
}
