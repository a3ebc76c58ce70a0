import { MigrationInterface, QueryRunner } from 'typeorm';

/** Invoices, pro-formas and credit notes, their lines, gapless number series and allocations. */
export class CreateBilling1765000000500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    // One row per series and year; issuing locks it, so numbers are gapless and never reused.
    await queryRunner.query(`
      CREATE TABLE billing_number_series (
        series text NOT NULL CHECK (series IN ('INV','PRO','CN','REC')),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 9999),
        last_number int NOT NULL CHECK (last_number > 0),
        PRIMARY KEY (series, year)
      )`);
    // Gaps here are harmless: a reference only has to be unique.
    await queryRunner.query(`CREATE SEQUENCE billing_payment_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE billing_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('invoice','pro-forma','credit-note')),
        state text NOT NULL,
        number text NOT NULL UNIQUE,
        member_id uuid NOT NULL REFERENCES members(id),
        buyer jsonb NOT NULL,
        locale text NOT NULL CHECK (locale IN ('en','fr')),
        currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        net_amount int NOT NULL CHECK (net_amount >= 0),
        tax_amount int NOT NULL CHECK (tax_amount >= 0),
        gross_amount int NOT NULL CHECK (gross_amount = net_amount + tax_amount),
        allocated_amount int NOT NULL DEFAULT 0 CHECK (allocated_amount BETWEEN 0 AND gross_amount),
        issue_date date NOT NULL,
        due_date date,
        period_start date,
        period_end date,
        payment_reference text,
        subject_type text,
        subject_id uuid,
        related_document_id uuid REFERENCES billing_documents(id),
        reason text,
        pdf_key text,
        pdf_sha256 text,
        announced_at timestamptz,
        issued_at timestamptz NOT NULL,
        issued_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        settled_at timestamptz,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL,
        CHECK (
          (kind = 'invoice' AND state IN ('open','partially-paid','paid','credited')) OR
          (kind = 'pro-forma' AND state IN ('open','confirmed','declined','cancelled')) OR
          (kind = 'credit-note' AND state = 'issued')),
        CHECK ((kind = 'credit-note') = (due_date IS NULL)),
        CHECK (kind <> 'credit-note' OR related_document_id IS NOT NULL),
        CHECK ((period_start IS NULL) = (period_end IS NULL) AND period_end >= period_start OR period_start IS NULL),
        CHECK ((pdf_key IS NULL) = (pdf_sha256 IS NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX billing_documents_reference_key ON billing_documents (payment_reference) WHERE payment_reference IS NOT NULL`,
    );
    // A pro-forma is confirmed into one invoice; an invoice is credited by one credit note.
    await queryRunner.query(
      `CREATE UNIQUE INDEX billing_documents_related_key ON billing_documents (related_document_id, kind) WHERE related_document_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX billing_documents_member_idx ON billing_documents (member_id, issue_date DESC, number DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX billing_documents_list_idx ON billing_documents (issue_date DESC, number DESC)`,
    );
    await queryRunner.query(`CREATE INDEX billing_documents_state_idx ON billing_documents (kind, state, due_date)`);
    await queryRunner.query(
      `CREATE INDEX billing_documents_subject_idx ON billing_documents (subject_type, subject_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE billing_document_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES billing_documents(id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 0),
        description text NOT NULL,
        period_start date,
        period_end date,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price int NOT NULL CHECK (unit_price >= 0),
        tax_rate_bps int NOT NULL CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        net_amount int NOT NULL CHECK (net_amount >= 0),
        tax_amount int NOT NULL CHECK (tax_amount >= 0),
        UNIQUE (document_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE billing_allocations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES billing_documents(id),
        payment_id uuid,
        amount int NOT NULL CHECK (amount > 0),
        allocated_at timestamptz NOT NULL,
        reversed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX billing_allocations_document_idx ON billing_allocations (document_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE billing_allocations`);
    await queryRunner.query(`DROP TABLE billing_document_lines`);
    await queryRunner.query(`DROP TABLE billing_documents`);
    await queryRunner.query(`DROP SEQUENCE billing_payment_reference_seq`);
    await queryRunner.query(`DROP TABLE billing_number_series`);
  }
}
