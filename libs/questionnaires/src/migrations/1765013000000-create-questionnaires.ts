import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questionnaires (issue 19): the questionnaire (its current content and assignment rules), every
 * version of its content, the assignments of members with their answers, and uploaded answer files.
 */
export class CreateQuestionnaires1765013000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE questionnaires (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL CHECK (version >= 1),
        active boolean NOT NULL,
        plan_ids uuid[] NOT NULL DEFAULT '{}',
        member_kinds text[] NOT NULL DEFAULT '{}' CHECK (member_kinds <@ ARRAY['individual','organisation']),
        due_in_days int CHECK (due_in_days BETWEEN 1 AND 3650),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX questionnaires_list_idx ON questionnaires (created_at DESC, id DESC)`);
    // Rules by plan: the questionnaires of a plan, read when a member joins or changes plan.
    await queryRunner.query(`CREATE INDEX questionnaires_plan_ids_idx ON questionnaires USING gin (plan_ids)`);
    // Content is immutable once a version has answers: a change then makes the next version.
    await queryRunner.query(`
      CREATE TABLE questionnaire_versions (
        questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
        version int NOT NULL CHECK (version >= 1),
        title jsonb NOT NULL,
        introduction jsonb NOT NULL,
        sections jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (questionnaire_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE questionnaire_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        questionnaire_id uuid NOT NULL REFERENCES questionnaires(id),
        version int NOT NULL,
        member_id uuid NOT NULL REFERENCES members(id),
        state text NOT NULL CHECK (state IN ('pending','draft','submitted')),
        origin text NOT NULL CHECK (origin IN ('rule','staff','api')),
        answers jsonb NOT NULL DEFAULT '{}',
        due_date date,
        assigned_at timestamptz NOT NULL,
        draft_saved_at timestamptz,
        submitted_at timestamptz,
        last_reminded_on date,
        FOREIGN KEY (questionnaire_id, version) REFERENCES questionnaire_versions (questionnaire_id, version),
        CHECK ((state = 'submitted') = (submitted_at IS NOT NULL))
      )`);
    // One live (unsubmitted) assignment per member and questionnaire, under any concurrency.
    await queryRunner.query(
      `CREATE UNIQUE INDEX questionnaire_assignments_live_key ON questionnaire_assignments (questionnaire_id, member_id)
        WHERE state <> 'submitted'`,
    );
    await queryRunner.query(
      `CREATE INDEX questionnaire_assignments_member_idx ON questionnaire_assignments (member_id, assigned_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX questionnaire_assignments_list_idx ON questionnaire_assignments (questionnaire_id, assigned_at DESC, id DESC)`,
    );
    // The daily reminder reads only live assignments past due.
    await queryRunner.query(
      `CREATE INDEX questionnaire_assignments_overdue_idx ON questionnaire_assignments (due_date)
        WHERE state <> 'submitted' AND due_date IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE questionnaire_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assignment_id uuid NOT NULL REFERENCES questionnaire_assignments(id),
        filename text NOT NULL,
        content_type text NOT NULL,
        size int NOT NULL,
        storage_key text NOT NULL,
        sha256 text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX questionnaire_files_assignment_idx ON questionnaire_files (assignment_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE questionnaire_files`);
    await queryRunner.query(`DROP TABLE questionnaire_assignments`);
    await queryRunner.query(`DROP TABLE questionnaire_versions`);
    await queryRunner.query(`DROP TABLE questionnaires`);
  }
}
