import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every decision finance takes on a bank line (resolve, ignore, reopen), with who and when: the
 * line keeps only its current one, and reopening a line ignored by mistake must not erase it.
 */
export class BankLineDecisions1765003000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bank_statement_line_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        line_id uuid NOT NULL REFERENCES bank_statement_lines(id),
        action text NOT NULL CHECK (action IN ('resolve','ignore','reopen')),
        note text,
        payment_id uuid REFERENCES billing_payments(id),
        decided_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        decided_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX bank_statement_line_decisions_line_idx ON bank_statement_line_decisions (line_id, decided_at)`,
    );
    // Decisions taken before this table: the lines still hold them.
    await queryRunner.query(`
      INSERT INTO bank_statement_line_decisions (line_id, action, note, payment_id, decided_by_user_id, decided_at)
      SELECT id, CASE state WHEN 'ignored' THEN 'ignore' ELSE 'resolve' END, resolution_note, payment_id,
             resolved_by_user_id, resolved_at
        FROM bank_statement_lines WHERE state IN ('resolved','ignored') AND resolved_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bank_statement_line_decisions`);
  }
}
