import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrders1763840000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE order_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('pending','confirmed','cancelled')),
        customer_email text NOT NULL CHECK (customer_email = lower(btrim(customer_email)) AND customer_email <> ''),
        customer_name text NOT NULL,
        customer_locale text NOT NULL CHECK (customer_locale IN ('en','fr')),
        external_reference text,
        total_amount int NOT NULL CHECK (total_amount >= 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        source text NOT NULL CHECK (source IN ('staff','api')),
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_by_api_key_id uuid REFERENCES api_keys(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        portal_account_created boolean,
        account_outcome text CHECK (account_outcome IN ('created','invited','active','disabled')),
        cancelled_at timestamptz,
        cancel_reason text,
        CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL AND portal_account_created IS NOT NULL)),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX orders_created_idx ON orders (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX orders_customer_idx ON orders (customer_email)`);
    await queryRunner.query(`
      CREATE TABLE order_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
        position int NOT NULL,
        plan_id uuid NOT NULL REFERENCES plans(id),
        plan_name text NOT NULL,
        quantity int NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
        unit_amount int NOT NULL CHECK (unit_amount >= 0),
        UNIQUE (order_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE order_lines`);
    await queryRunner.query(`DROP TABLE orders`);
    await queryRunner.query(`DROP SEQUENCE order_reference_seq`);
  }
}
