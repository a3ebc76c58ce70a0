import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMemberRequests1765006000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE member_request_number_seq`);
    await queryRunner.query(`
      CREATE TABLE member_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('upgrade','termination')),
        state text NOT NULL CHECK (state IN ('pending','approved','refused','withdrawn','cancelled')),
        member_id uuid NOT NULL REFERENCES members(id),
        subscription_id uuid NOT NULL REFERENCES subscriptions(id),
        from_plan_id uuid NOT NULL REFERENCES plans(id),
        to_plan_id uuid REFERENCES plans(id),
        effect text CHECK (effect IN ('now','renewal')),
        note text,
        reason text,
        details text,
        ends_on date,
        approval_request_id uuid REFERENCES approval_requests(id),
        requested_by uuid REFERENCES users(id),
        requested_by_name text NOT NULL,
        on_behalf boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by uuid REFERENCES users(id),
        decided_by_name text,
        decision_note text,
        outcome jsonb,
        CHECK (kind <> 'upgrade' OR (to_plan_id IS NOT NULL AND effect IS NOT NULL)),
        CHECK (kind <> 'termination' OR reason IS NOT NULL),
        CHECK ((state = 'pending') = (decided_at IS NULL))
      )`);
    // The rule "one open request of each kind per member", kept by the database under any concurrency.
    await queryRunner.query(
      `CREATE UNIQUE INDEX member_requests_one_open_key ON member_requests (member_id, kind) WHERE state = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX member_requests_member_idx ON member_requests (member_id, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX member_requests_list_idx ON member_requests (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX member_requests_approval_idx ON member_requests (approval_request_id)`);
    // The default flows a member's requests follow: any one officer decides.
    await queryRunner.query(`
      INSERT INTO approval_flows (name, subject_type, is_default, levels, created_at, updated_at)
      SELECT name, subject_type, true,
             '[{"name": "Officer review", "approverUserIds": [], "approverRole": "officer", "policy": "any", "dueInDays": 7}]',
             now(), now()
        FROM (VALUES ('Default plan change approval', 'upgrade'), ('Default termination approval', 'termination'))
             AS f(name, subject_type)
       WHERE NOT EXISTS (SELECT 1 FROM approval_flows a WHERE a.subject_type = f.subject_type AND a.is_default)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE member_requests`);
    await queryRunner.query(`DROP SEQUENCE member_request_number_seq`);
  }
}
