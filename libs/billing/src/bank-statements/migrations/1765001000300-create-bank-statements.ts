import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBankStatements1765001000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE bank_statements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        format text NOT NULL CHECK (format IN ('camt053','csv')),
        file_sha256 text NOT NULL,
        file_name text NOT NULL,
        statement_id text,
        account_iban text,
        currency text,
        line_count int NOT NULL CHECK (line_count >= 0),
        matched int NOT NULL DEFAULT 0,
        suggested int NOT NULL DEFAULT 0,
        to_review int NOT NULL DEFAULT 0,
        duplicates int NOT NULL DEFAULT 0,
        ignored int NOT NULL DEFAULT 0,
        imported_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        imported_at timestamptz NOT NULL,
        CONSTRAINT bank_statements_file_key UNIQUE (file_sha256)
      )`);
    await queryRunner.query(`CREATE INDEX bank_statements_list_idx ON bank_statements (imported_at DESC, id DESC)`);
    await queryRunner.query(`
      CREATE TABLE bank_statement_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement_id uuid NOT NULL REFERENCES bank_statements(id),
        position int NOT NULL,
        line_key text NOT NULL,
        dedupe_key text NOT NULL,
        booking_date date NOT NULL,
        value_date date,
        amount bigint NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('credit','debit')),
        counterparty_name text,
        counterparty_iban text,
        structured_reference text,
        remittance_text text,
        end_to_end_id text,
        bank_reference text,
        payment_references text[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('matched','suggested','to-review','ignored','resolved','duplicate')),
        reference_document_id uuid REFERENCES billing_documents(id),
        suggested_document_id uuid REFERENCES billing_documents(id),
        payment_id uuid REFERENCES billing_payments(id),
        duplicate_of_line_id uuid REFERENCES bank_statement_lines(id),
        resolved_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolution_note text,
        UNIQUE (statement_id, position),
        CHECK ((state IN ('matched','resolved')) = (payment_id IS NOT NULL)),
        CHECK ((state = 'duplicate') = (duplicate_of_line_id IS NOT NULL))
      )`);
    // A transaction is booked once: the lines of every statement share one key space, duplicates
    // (kept to show what an upload contained) aside.
    await queryRunner.query(
      `CREATE UNIQUE INDEX bank_statement_lines_dedupe_key ON bank_statement_lines (dedupe_key) WHERE state <> 'duplicate'`,
    );
    await queryRunner.query(
      `CREATE INDEX bank_statement_lines_queue_idx ON bank_statement_lines (state, statement_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX bank_statement_lines_payment_idx ON bank_statement_lines (payment_id) WHERE payment_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bank_statement_lines`);
    await queryRunner.query(`DROP TABLE bank_statements`);
  }
}
