import { MigrationInterface, QueryRunner } from 'typeorm';

// The electronic form of an IBAN: country, check digits, 11 to 30 letters and digits.
const ELECTRONIC_IBAN = `'^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'`;

/**
 * IBANs of share subscriptions and reimbursements are stored compact and in capitals (as typed,
 * a service caller could store "be71 0961 …", and finance would copy it into a transfer): rows
 * are rewritten, and a check keeps any other form out.
 */
export class CompactIbans1765016400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['share_subscriptions', 'share_reimbursements']) {
      await queryRunner.query(
        `UPDATE ${table} SET iban = upper(regexp_replace(iban, '[^A-Za-z0-9]', '', 'g'))
          WHERE iban !~ ${ELECTRONIC_IBAN}`,
      );
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_iban_check CHECK (iban ~ ${ELECTRONIC_IBAN})`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['share_subscriptions', 'share_reimbursements'])
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_iban_check`);
  }
}
