import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT_TYPES = `('application','upgrade','termination','share_subscription')`;

export class CreateApproval1763820000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // A flow's levels are one document: PATCH replaces them whole, and requests copy them when they open.
    await queryRunner.query(`
      CREATE TABLE approval_flows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (name <> ''),
        subject_type text NOT NULL CHECK (subject_type IN ${SUBJECT_TYPES}),
        is_default boolean NOT NULL DEFAULT false,
        levels jsonb NOT NULL CHECK (jsonb_typeof(levels) = 'array' AND jsonb_array_length(levels) >= 1),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Exactly one default per subject type (the service keeps "at least one"; this keeps "at most one").
    await queryRunner.query(
      `CREATE UNIQUE INDEX approval_flows_default_key ON approval_flows (subject_type) WHERE is_default`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX approval_flows_name_key ON approval_flows (subject_type, lower(name))`,
    );
    await queryRunner.query(`
      INSERT INTO approval_flows (name, subject_type, is_default, levels, created_at, updated_at)
      VALUES ('Default application approval', 'application', true,
              '[{"name": "Officer review", "approverUserIds": [], "approverRole": "officer", "policy": "any", "dueInDays": 7}]',
              now(), now())`);

    await queryRunner.query(`
      CREATE TABLE approval_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (subject_type IN ${SUBJECT_TYPES}),
        subject_id uuid NOT NULL,
        flow_id uuid NOT NULL REFERENCES approval_flows(id),
        flow_name text NOT NULL,
        title text NOT NULL CHECK (title <> ''),
        reference text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending','approved','refused','cancelled')),
        current_level integer NOT NULL CHECK (current_level >= 1 AND current_level <= level_count),
        level_count integer NOT NULL CHECK (level_count >= 1),
        opened_by uuid REFERENCES users(id),
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK ((status = 'pending') = (closed_at IS NULL))
      )`);
    // One open request per subject: a second open for the same subject meets this index.
    await queryRunner.query(
      `CREATE UNIQUE INDEX approval_requests_open_subject_key ON approval_requests (subject_type, subject_id)
         WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX approval_requests_subject_idx ON approval_requests (subject_type, subject_id, opened_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX approval_requests_status_idx ON approval_requests (status, opened_at DESC, id DESC)`,
    );

    // The flow's levels as they were when the request opened: later flow changes do not reach it.
    await queryRunner.query(`
      CREATE TABLE approval_levels (
        request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number >= 1),
        name text NOT NULL,
        policy text NOT NULL CHECK (policy IN ('any','all')),
        due_in_days integer NOT NULL CHECK (due_in_days >= 1),
        approver_role text,
        approver_user_ids uuid[] NOT NULL,
        status text NOT NULL CHECK (status IN ('waiting','open','approved','refused','cancelled')),
        opened_at timestamptz,
        due_at timestamptz,
        closed_at timestamptz,
        PRIMARY KEY (request_id, number),
        CHECK ((status = 'waiting') = (opened_at IS NULL)),
        CHECK ((opened_at IS NULL) = (due_at IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX approval_levels_open_due_idx ON approval_levels (due_at) WHERE status = 'open'`,
    );

    await queryRunner.query(`
      CREATE TABLE approval_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL,
        level_number integer NOT NULL,
        user_id uuid NOT NULL REFERENCES users(id),
        user_name text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending','approved','refused','reassigned','withdrawn')),
        reassigned_from uuid REFERENCES approval_assignments(id),
        reassigned_to uuid REFERENCES users(id),
        decided_at timestamptz,
        comment text,
        reminded_at timestamptz,
        created_at timestamptz NOT NULL,
        FOREIGN KEY (request_id, level_number) REFERENCES approval_levels(request_id, number) ON DELETE CASCADE,
        CHECK ((status = 'reassigned') = (reassigned_to IS NOT NULL))
      )`);
    // A person holds at most one live assignment per level (reassigning to them twice meets this).
    await queryRunner.query(
      `CREATE UNIQUE INDEX approval_assignments_live_key ON approval_assignments (request_id, level_number, user_id)
         WHERE status IN ('pending','approved')`,
    );
    await queryRunner.query(
      `CREATE INDEX approval_assignments_pending_user_idx ON approval_assignments (user_id, request_id) WHERE status = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX approval_assignments_user_idx ON approval_assignments (user_id, request_id)`);
    await queryRunner.query(
      `CREATE INDEX approval_assignments_request_idx ON approval_assignments (request_id, level_number, created_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE approval_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        filename text NOT NULL CHECK (filename <> ''),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf','image/png','image/jpeg')),
        size integer NOT NULL CHECK (size > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        comment text,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_by_name text NOT NULL,
        uploaded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX approval_attachments_request_idx ON approval_attachments (request_id, uploaded_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE approval_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        request_id uuid NOT NULL REFERENCES approval_requests(id) ON DELETE CASCADE,
        type text NOT NULL CHECK (type IN ('opened','level-opened','approved','refused','reassigned','attached',
                                           'cancelled','level-completed','request-approved','request-refused',
                                           'reminded')),
        level_number integer,
        actor_user_id uuid,
        actor_name text NOT NULL,
        target_user_id uuid,
        target_name text,
        comment text,
        attachment_id uuid REFERENCES approval_attachments(id),
        from_status text,
        to_status text,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX approval_events_request_idx ON approval_events (request_id, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE approval_events, approval_attachments, approval_assignments, approval_levels, approval_requests, approval_flows`,
    );
  }
}
