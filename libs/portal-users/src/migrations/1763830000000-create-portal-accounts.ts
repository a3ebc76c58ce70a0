import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePortalAccounts1763830000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE portal_accounts (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        origin text NOT NULL CHECK (origin IN ('application','order','staff')),
        source_reference text,
        auto_created boolean NOT NULL,
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL
      )`);
    // The staff console's "auto-registered" alert lists these.
    await queryRunner.query(
      `CREATE INDEX portal_accounts_unacknowledged_idx ON portal_accounts (created_at) WHERE auto_created AND acknowledged_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE portal_accounts`);
  }
}
