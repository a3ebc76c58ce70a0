import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePayments1765001000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE billing_payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        receipt_number text NOT NULL UNIQUE,
        member_id uuid NOT NULL REFERENCES members(id),
        amount int NOT NULL CHECK (amount > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        unallocated_amount int NOT NULL CHECK (unallocated_amount BETWEEN 0 AND amount),
        method text NOT NULL CHECK (method IN ('stripe','bank-transfer','cash','cheque','other')),
        source text NOT NULL CHECK (source IN ('staff','stripe','bank')),
        paid_on date NOT NULL,
        payer text,
        external_reference text,
        source_key text UNIQUE,
        recorded_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        reversed_at timestamptz,
        reversal_reason text,
        reversed_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        receipt_pdf_key text,
        receipt_pdf_sha256 text,
        CHECK ((reversed_at IS NULL) = (reversal_reason IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX billing_payments_member_idx ON billing_payments (member_id, created_at DESC)`,
    );
    await queryRunner.query(`CREATE INDEX billing_payments_list_idx ON billing_payments (created_at DESC, id DESC)`);
    // The member's credit: payments with money left, found without scanning their history.
    await queryRunner.query(
      `CREATE INDEX billing_payments_credit_idx ON billing_payments (member_id, currency)
        WHERE unallocated_amount > 0 AND reversed_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE billing_allocations
      ADD CONSTRAINT billing_allocations_payment_fk FOREIGN KEY (payment_id) REFERENCES billing_payments(id)`);
    await queryRunner.query(`CREATE INDEX billing_allocations_payment_idx ON billing_allocations (payment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE billing_allocations DROP CONSTRAINT billing_allocations_payment_fk`);
    await queryRunner.query(`DROP TABLE billing_payments`);
  }
}
