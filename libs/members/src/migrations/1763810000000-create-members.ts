import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembers1763810000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    // Parties: persons and organisations, matched by e-mail and by registration key.
    await queryRunner.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL CHECK (first_name <> ''),
        last_name text NOT NULL CHECK (last_name <> ''),
        email text CHECK (email = lower(btrim(email)) AND email <> ''),
        phone text,
        birth_date date,
        address jsonb,
        nationality text CHECK (nationality ~ '^[A-Z]{2}$'),
        locale text NOT NULL CHECK (locale IN ('en','fr')),
        professional jsonb,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search_text text GENERATED ALWAYS AS (
          lower(first_name || ' ' || last_name || ' ' || coalesce(email, ''))
        ) STORED
      )`);
    // Persons are matched by e-mail: one person per address (some, entered by staff, have none).
    await queryRunner.query(`CREATE UNIQUE INDEX persons_email_key ON persons (email) WHERE email IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX persons_search_idx ON persons USING gin (search_text gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        legal_name text NOT NULL CHECK (legal_name <> ''),
        registration_number text NOT NULL CHECK (registration_number <> ''),
        registration_key text NOT NULL CHECK (registration_key ~ '^[A-Z0-9]+$'),
        vat_number text,
        address jsonb,
        website text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search_text text GENERATED ALWAYS AS (
          lower(legal_name || ' ' || registration_number || ' ' || registration_key)
        ) STORED
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organisations_registration_key ON organisations (registration_key)`);
    await queryRunner.query(
      `CREATE INDEX organisations_search_idx ON organisations USING gin (search_text gin_trgm_ops)`,
    );

    // Who represents an organisation; a person may represent several, and be a member too.
    await queryRunner.query(`
      CREATE TABLE representations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES persons(id),
        role text NOT NULL CHECK (role <> ''),
        is_contact boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX representations_party_key ON representations (organisation_id, person_id)`,
    );
    // One contact per organisation (the service always names one).
    await queryRunner.query(
      `CREATE UNIQUE INDEX representations_contact_key ON representations (organisation_id) WHERE is_contact`,
    );
    await queryRunner.query(`CREATE INDEX representations_person_idx ON representations (person_id)`);

    // Member numbers are M-<number>; one sequence, numbers never reused.
    await queryRunner.query(`CREATE SEQUENCE member_number_seq`);
    await queryRunner.query(`
      CREATE TABLE members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL CHECK (number ~ '^M-[0-9]{6,}$'),
        kind text NOT NULL CHECK (kind IN ('person','organisation')),
        person_id uuid REFERENCES persons(id),
        organisation_id uuid REFERENCES organisations(id),
        plan_id uuid NOT NULL,
        status text NOT NULL
          CHECK (status IN ('non-member','upcoming','member','in-grace','suspended','ex-member')),
        joined_at timestamptz NOT NULL,
        source_type text NOT NULL CHECK (source_type IN ('application','order','staff')),
        source_id uuid,
        source_reference text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CHECK ((kind = 'person') = (person_id IS NOT NULL)),
        CHECK ((kind = 'organisation') = (organisation_id IS NOT NULL)),
        CHECK (num_nonnulls(person_id, organisation_id) = 1)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX members_number_key ON members (number)`);
    // One member per party: concurrent approvals for the same person or organisation meet here.
    await queryRunner.query(`CREATE UNIQUE INDEX members_person_key ON members (person_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX members_organisation_key ON members (organisation_id)`);
    await queryRunner.query(`CREATE INDEX members_created_idx ON members (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX members_status_created_idx ON members (status, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX members_plan_idx ON members (plan_id)`);
    await queryRunner.query(`CREATE INDEX members_number_search_idx ON members USING gin (number gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE member_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        from_status text
          CHECK (from_status IN ('non-member','upcoming','member','in-grace','suspended','ex-member')),
        to_status text NOT NULL
          CHECK (to_status IN ('non-member','upcoming','member','in-grace','suspended','ex-member')),
        reason text NOT NULL CHECK (reason <> ''),
        actor_kind text NOT NULL CHECK (actor_kind IN ('user','api-key','system')),
        actor_id uuid,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX member_status_changes_member_idx ON member_status_changes (member_id, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_status_changes, members, representations, organisations, persons`);
    await queryRunner.query(`DROP SEQUENCE member_number_seq`);
  }
}
