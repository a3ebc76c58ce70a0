import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A portal account names the person it belongs to, so /me and the console find its members by id
 * (indexed) instead of matching the contact's e-mail across a join no index could serve. Existing
 * accounts are linked by their user's e-mail, which is how they were matched until now.
 */
export class LinkPortalAccountsToPersons1764600100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portal_accounts ADD COLUMN person_id uuid REFERENCES persons(id)`);
    await queryRunner.query(`
      UPDATE portal_accounts pa SET person_id = p.id
        FROM users u JOIN persons p ON p.email = u.email
       WHERE u.id = pa.user_id`);
    // One user per e-mail and one person per e-mail: one account per person.
    await queryRunner.query(`CREATE UNIQUE INDEX portal_accounts_person_key ON portal_accounts (person_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portal_accounts DROP COLUMN person_id`);
  }
}
