import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a payment's receipt was e-mailed to the member: set once, in the e-mail's transaction. */
export class ReceiptAnnounced1765001000200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE billing_payments ADD COLUMN receipt_announced_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE billing_payments DROP COLUMN receipt_announced_at`);
  }
}
