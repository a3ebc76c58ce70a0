import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Auto-registered" now marks only accounts made without the person asking (orders, API
 * submissions), not every approved applicant: accounts from online or staff-entered applications
 * lose the flag. Down cannot tell which flags were set this way, so it restores the old rule.
 */
export class AutoRegisteredMeansUnasked1764900000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE portal_accounts pa SET auto_created = false
        FROM applications a
       WHERE pa.origin = 'application' AND pa.auto_created
         AND a.reference = pa.source_reference AND a.source <> 'api'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE portal_accounts SET auto_created = true WHERE origin = 'application'`);
  }
}
