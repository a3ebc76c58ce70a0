import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRegistration1763800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(code) <= 50),
        name text NOT NULL CHECK (name <> ''),
        description text NOT NULL DEFAULT '',
        applicant_kinds text[] NOT NULL
          CHECK (cardinality(applicant_kinds) >= 1 AND applicant_kinds <@ ARRAY['individual','organisation']),
        price_amount integer NOT NULL CHECK (price_amount >= 0),
        price_currency text NOT NULL CHECK (price_currency ~ '^[A-Z]{3}$'),
        period_count integer NOT NULL CHECK (period_count >= 1),
        period_unit text NOT NULL CHECK (period_unit IN ('month','year')),
        grace_days integer NOT NULL DEFAULT 0 CHECK (grace_days >= 0),
        active boolean NOT NULL DEFAULT true,
        approval_flow_id uuid,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX plans_code_key ON plans (code)`);

    // References are APP-<year>-<number>; one sequence, so numbers never repeat across years.
    await queryRunner.query(`CREATE SEQUENCE application_reference_seq`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('individual','organisation')),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted','approved','refused','cancelled')),
        plan_id uuid NOT NULL REFERENCES plans(id),
        locale text NOT NULL CHECK (locale IN ('en','fr')),
        source text NOT NULL CHECK (source IN ('online','staff','api')),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email <> ''),
        registration_key text CHECK (registration_key <> ''),
        applicant_name text NOT NULL,
        contact_name text,
        person jsonb,
        professional jsonb,
        organisation jsonb,
        consent jsonb NOT NULL,
        submitted_by_user_id uuid,
        submitted_by_api_key_id uuid,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search_text text GENERATED ALWAYS AS (
          lower(reference || ' ' || applicant_name || ' ' || coalesce(contact_name, '') || ' ' || email)
        ) STORED,
        CHECK ((kind = 'individual') = (person IS NOT NULL)),
        CHECK ((kind = 'organisation') = (organisation IS NOT NULL AND registration_key IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX applications_reference_key ON applications (reference)`);
    // At most one application under review per e-mail and per company registration number:
    // concurrent duplicates meet here, whatever the service checked before.
    await queryRunner.query(
      `CREATE UNIQUE INDEX applications_pending_email_key ON applications (email) WHERE status = 'submitted'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX applications_pending_registration_key ON applications (registration_key)
         WHERE status = 'submitted' AND registration_key IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX applications_submitted_idx ON applications (submitted_at DESC, id DESC)`);
    await queryRunner.query(
      `CREATE INDEX applications_status_submitted_idx ON applications (status, submitted_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX applications_plan_idx ON applications (plan_id)`);
    await queryRunner.query(
      `CREATE INDEX applications_search_idx ON applications USING gin (search_text gin_trgm_ops)`,
    );

    await queryRunner.query(`
      CREATE TABLE application_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('document','photo','signature')),
        position integer NOT NULL CHECK (position >= 0),
        filename text NOT NULL CHECK (filename <> ''),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        width integer CHECK (width > 0),
        height integer CHECK (height > 0),
        storage_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX application_files_position_key ON application_files (application_id, role, position)`,
    );

    await queryRunner.query(`
      CREATE TABLE application_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        application_id uuid NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('submitted','approved','refused','cancelled')),
        from_status text,
        to_status text NOT NULL,
        actor_kind text NOT NULL CHECK (actor_kind IN ('applicant','user','api-key','system')),
        actor_id uuid,
        reason text,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX application_events_application_idx ON application_events (application_id, seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE application_events, application_files, applications, plans`);
    await queryRunner.query(`DROP SEQUENCE application_reference_seq`);
  }
}
