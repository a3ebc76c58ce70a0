import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-operative shares (issue 18): share classes, subscription requests, cooperators, the share
 * register (append-only movements) with a per-class share-number counter, and certificates.
 */
export class CreateCooperative1765009000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE share_classes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
        name text NOT NULL,
        unit_price int NOT NULL CHECK (unit_price > 0),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        min_shares int NOT NULL CHECK (min_shares >= 1),
        max_shares int CHECK (max_shares >= min_shares),
        holder_kinds text[] NOT NULL CHECK (cardinality(holder_kinds) > 0 AND holder_kinds <@ ARRAY['individual','organisation']),
        makes_member boolean NOT NULL,
        plan_id uuid NOT NULL REFERENCES plans(id),
        approval_flow_id uuid REFERENCES approval_flows(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX share_classes_code_key ON share_classes (code)`);
    // The last share number given in each class: issuing locks its row until the issue commits.
    await queryRunner.query(`
      CREATE TABLE share_number_counters (
        share_class_id uuid PRIMARY KEY REFERENCES share_classes(id),
        last_number int NOT NULL CHECK (last_number > 0)
      )`);
    await queryRunner.query(`CREATE SEQUENCE share_subscription_number_seq`);
    await queryRunner.query(`
      CREATE TABLE share_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        state text NOT NULL CHECK (state IN ('pending','approved','paid','refused','cancelled')),
        share_class_id uuid NOT NULL REFERENCES share_classes(id),
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price int NOT NULL CHECK (unit_price > 0),
        currency text NOT NULL,
        holder_kind text NOT NULL CHECK (holder_kind IN ('person','organisation')),
        holder_key text NOT NULL,
        holder_name text NOT NULL,
        holder_email text NOT NULL,
        existing_member_id uuid REFERENCES members(id),
        person jsonb,
        iban text NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en','fr')),
        statutes_accepted_at timestamptz NOT NULL,
        approval_request_id uuid REFERENCES approval_requests(id),
        member_id uuid REFERENCES members(id),
        capital_release_id uuid REFERENCES billing_documents(id),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by_name text,
        decision_note text,
        paid_at timestamptz,
        CHECK ((existing_member_id IS NULL) <> (person IS NULL)),
        CHECK ((state IN ('approved','paid')) = (member_id IS NOT NULL AND capital_release_id IS NOT NULL)),
        CHECK ((state = 'pending') = (decided_at IS NULL))
      )`);
    // One request under review per holder and class, under any concurrency.
    await queryRunner.query(
      `CREATE UNIQUE INDEX share_subscriptions_one_pending_key ON share_subscriptions (holder_key, share_class_id) WHERE state = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX share_subscriptions_list_idx ON share_subscriptions (created_at DESC, id DESC)`,
    );
    await queryRunner.query(`CREATE INDEX share_subscriptions_member_idx ON share_subscriptions (member_id)`);
    await queryRunner.query(`CREATE SEQUENCE cooperator_number_seq`);
    await queryRunner.query(`
      CREATE TABLE cooperators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL UNIQUE REFERENCES members(id),
        state text NOT NULL CHECK (state IN ('candidate','effective')),
        number text UNIQUE,
        candidate_since timestamptz NOT NULL,
        effective_since timestamptz,
        CHECK ((state = 'effective') = (number IS NOT NULL AND effective_since IS NOT NULL))
      )`);
    // The register: every movement a row, never changed; holdings are sums of movements.
    await queryRunner.query(`
      CREATE TABLE share_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('issue')),
        cooperator_id uuid NOT NULL REFERENCES cooperators(id),
        share_class_id uuid NOT NULL REFERENCES share_classes(id),
        quantity int NOT NULL CHECK (quantity > 0),
        first_number int NOT NULL CHECK (first_number > 0),
        last_number int NOT NULL,
        unit_price int NOT NULL CHECK (unit_price > 0),
        currency text NOT NULL,
        effective_on date NOT NULL,
        subscription_id uuid REFERENCES share_subscriptions(id),
        recorded_at timestamptz NOT NULL,
        CHECK (last_number - first_number + 1 = quantity)
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX share_movements_issue_key ON share_movements (subscription_id) WHERE kind = 'issue'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX share_movements_issued_number_key ON share_movements (share_class_id, first_number) WHERE kind = 'issue'`,
    );
    await queryRunner.query(`CREATE INDEX share_movements_holder_idx ON share_movements (cooperator_id, effective_on)`);
    await queryRunner.query(`
      CREATE FUNCTION share_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The share register is append-only: record a new movement instead';
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER share_movements_append_only BEFORE UPDATE OR DELETE ON share_movements
        FOR EACH ROW EXECUTE FUNCTION share_movements_append_only()`);
    await queryRunner.query(`
      CREATE TABLE share_certificates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        movement_id uuid NOT NULL UNIQUE REFERENCES share_movements(id),
        cooperator_id uuid NOT NULL REFERENCES cooperators(id),
        pdf_key text NOT NULL,
        pdf_sha256 text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX share_certificates_cooperator_idx ON share_certificates (cooperator_id)`);
    // The default flow a share subscription follows: any one officer decides.
    await queryRunner.query(`
      INSERT INTO approval_flows (name, subject_type, is_default, levels, created_at, updated_at)
      SELECT 'Default share subscription approval', 'share_subscription', true,
             '[{"name": "Officer review", "approverUserIds": [], "approverRole": "officer", "policy": "any", "dueInDays": 7}]',
             now(), now()
       WHERE NOT EXISTS (SELECT 1 FROM approval_flows a WHERE a.subject_type = 'share_subscription' AND a.is_default)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE share_certificates`);
    await queryRunner.query(`DROP TABLE share_movements`);
    await queryRunner.query(`DROP FUNCTION share_movements_append_only`);
    await queryRunner.query(`DROP TABLE cooperators`);
    await queryRunner.query(`DROP SEQUENCE cooperator_number_seq`);
    await queryRunner.query(`DROP TABLE share_subscriptions`);
    await queryRunner.query(`DROP SEQUENCE share_subscription_number_seq`);
    await queryRunner.query(`DROP TABLE share_number_counters`);
    await queryRunner.query(`DROP TABLE share_classes`);
  }
}
