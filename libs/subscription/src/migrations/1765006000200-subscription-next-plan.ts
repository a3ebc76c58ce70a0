import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A plan change "at my next renewal" (issue 17): the plan the subscription takes when it enters
 * its next period. Renewal pro-formas are issued on it; entering the period moves it to plan_id.
 */
export class SubscriptionNextPlan1765006000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subscriptions ADD COLUMN next_plan_id uuid REFERENCES plans(id)`);
    await queryRunner.query(`ALTER TABLE subscriptions ADD CHECK (next_plan_id IS DISTINCT FROM plan_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE subscriptions DROP COLUMN next_plan_id`);
  }
}
