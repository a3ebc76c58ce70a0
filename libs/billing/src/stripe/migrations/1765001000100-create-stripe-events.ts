import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStripeEvents1765001000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE stripe_events (
        id text PRIMARY KEY,
        type text NOT NULL,
        received_at timestamptz NOT NULL,
        processed_at timestamptz,
        outcome text,
        detail text,
        payment_id uuid REFERENCES billing_payments(id),
        CHECK (processed_at IS NULL OR outcome IS NOT NULL)
      )`);
    // Events still failing, for whoever looks after the webhook.
    await queryRunner.query(
      `CREATE INDEX stripe_events_unprocessed_idx ON stripe_events (received_at) WHERE processed_at IS NULL`,
    );
    // A refund names the payment intent: the payment it reverses is found by it.
    await queryRunner.query(
      `CREATE INDEX billing_payments_stripe_intent_idx ON billing_payments (external_reference) WHERE source = 'stripe'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX billing_payments_stripe_intent_idx`);
    await queryRunner.query(`DROP TABLE stripe_events`);
  }
}
