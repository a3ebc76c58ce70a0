import { MigrationInterface, QueryRunner } from 'typeorm';

/** The organisation's settings: one row, there from the start with neutral values for an admin to edit. */
export class CreateOrganisationSettings1764900000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation_settings (
        id smallint PRIMARY KEY CHECK (id = 1),
        name text NOT NULL,
        contact_email text NOT NULL,
        phone text,
        address jsonb,
        website_url text,
        terms_url text,
        privacy_url text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- who saved it last (a user id; no foreign key: settings sit below the users domain)
        updated_by uuid
      )`);
    await queryRunner.query(
      `INSERT INTO organisation_settings (id, name, contact_email) VALUES (1, 'Tessera', 'contact@example.org')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisation_settings`);
  }
}
