import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT_TYPES = `('application','upgrade','termination','share_subscription','share_redemption','share_transfer','share_conversion')`;
const OLD_SUBJECT_TYPES = `('application','upgrade','termination','share_subscription')`;

/** Drops a table's CHECK constraints whose definition mentions `column` (their names were given by PostgreSQL). */
const dropChecksOn = (table: string, column: string) => `
  DO $$ DECLARE c record; BEGIN
    FOR c IN SELECT conname FROM pg_constraint
              WHERE conrelid = '${table}'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%${column}%'
    LOOP EXECUTE format('ALTER TABLE ${table} DROP CONSTRAINT %I', c.conname); END LOOP;
  END $$`;

/**
 * Operations on shares (issue 18): redemptions, transfers and conversions decided through the
 * approval engine (a default flow per kind), their rows in the register (shares going out carry
 * direction -1), reimbursements of redeemed shares for finance, cooperators who hold nothing any
 * more (`former`), and the co-operative's settings (the statutory waiting period).
 */
export class ShareOperations1765011000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['approval_flows', 'approval_requests']) {
      await queryRunner.query(dropChecksOn(table, 'subject_type'));
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_subject_type_check CHECK (subject_type IN ${SUBJECT_TYPES})`,
      );
    }
    await queryRunner.query(`
      CREATE TABLE cooperative_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        redemption_waiting_days int NOT NULL CHECK (redemption_waiting_days BETWEEN 0 AND 3650),
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO cooperative_settings (redemption_waiting_days, updated_at) VALUES (365, now())`,
    );

    await queryRunner.query(dropChecksOn('cooperators', 'state'));
    await queryRunner.query(`ALTER TABLE cooperators ADD COLUMN former_since timestamptz`);
    await queryRunner.query(`
      ALTER TABLE cooperators
        ADD CONSTRAINT cooperators_state_check CHECK (state IN ('candidate','effective','former')),
        ADD CONSTRAINT cooperators_number_check CHECK ((state = 'candidate') = (number IS NULL)),
        ADD CONSTRAINT cooperators_effective_since_check CHECK ((number IS NULL) = (effective_since IS NULL)),
        ADD CONSTRAINT cooperators_former_since_check CHECK ((state = 'former') = (former_since IS NOT NULL))`);

    await queryRunner.query(`CREATE SEQUENCE share_operation_number_seq`);
    await queryRunner.query(`
      CREATE TABLE share_operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('redemption','transfer','conversion')),
        state text NOT NULL CHECK (state IN ('pending','approved','executed','refused','withdrawn','cancelled')),
        member_id uuid NOT NULL REFERENCES members(id),
        share_class_id uuid NOT NULL REFERENCES share_classes(id),
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price int NOT NULL CHECK (unit_price > 0),
        currency text NOT NULL,
        to_member_id uuid REFERENCES members(id),
        to_share_class_id uuid REFERENCES share_classes(id),
        to_quantity int CHECK (to_quantity > 0),
        to_unit_price int CHECK (to_unit_price > 0),
        value_difference int,
        note text,
        approval_request_id uuid REFERENCES approval_requests(id),
        requested_by uuid REFERENCES users(id),
        requested_by_name text NOT NULL,
        requested_via text NOT NULL CHECK (requested_via IN ('staff','holder')),
        created_at timestamptz NOT NULL,
        decided_at timestamptz,
        decided_by_name text,
        decision_note text,
        requested_effective_on date,
        effective_on date,
        CHECK ((kind = 'transfer') = (to_member_id IS NOT NULL)),
        CHECK (to_member_id IS NULL OR to_member_id <> member_id),
        CHECK ((kind = 'conversion') = (to_share_class_id IS NOT NULL AND to_quantity IS NOT NULL
                                        AND to_unit_price IS NOT NULL AND value_difference IS NOT NULL)),
        CHECK (to_share_class_id IS NULL OR to_share_class_id <> share_class_id),
        CHECK ((state = 'pending') = (decided_at IS NULL)),
        CHECK ((state = 'executed') = (effective_on IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX share_operations_list_idx ON share_operations (created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX share_operations_member_idx ON share_operations (member_id)`);
    await queryRunner.query(`CREATE INDEX share_operations_to_member_idx ON share_operations (to_member_id)`);

    await queryRunner.query(dropChecksOn('share_movements', 'kind'));
    await queryRunner.query(`
      ALTER TABLE share_movements
        ADD COLUMN operation_id uuid REFERENCES share_operations(id),
        ADD COLUMN direction smallint NOT NULL GENERATED ALWAYS AS
          (CASE WHEN kind IN ('redemption','transfer_out','conversion_out') THEN -1 ELSE 1 END) STORED,
        ADD CONSTRAINT share_movements_kind_check
          CHECK (kind IN ('issue','redemption','transfer_out','transfer_in','conversion_out','conversion_in')),
        ADD CONSTRAINT share_movements_operation_check CHECK (kind = 'issue' OR operation_id IS NOT NULL)`);
    // New numbers of a conversion come from the class's counter, like an issue's: given once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX share_movements_converted_number_key ON share_movements (share_class_id, first_number) WHERE kind = 'conversion_in'`,
    );
    await queryRunner.query(`CREATE INDEX share_movements_operation_idx ON share_movements (operation_id)`);

    await queryRunner.query(`
      CREATE TABLE share_reimbursements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL UNIQUE REFERENCES share_operations(id),
        member_id uuid NOT NULL REFERENCES members(id),
        share_class_id uuid NOT NULL REFERENCES share_classes(id),
        quantity int NOT NULL CHECK (quantity > 0),
        amount int NOT NULL CHECK (amount > 0),
        currency text NOT NULL,
        iban text,
        state text NOT NULL CHECK (state IN ('due','paid')),
        payable_from date NOT NULL,
        paid_on date,
        paid_by uuid REFERENCES users(id),
        paid_by_name text,
        payment_note text,
        created_at timestamptz NOT NULL,
        CHECK ((state = 'paid') = (paid_on IS NOT NULL)),
        CHECK (paid_on IS NULL OR paid_on >= payable_from)
      )`);
    await queryRunner.query(
      `CREATE INDEX share_reimbursements_list_idx ON share_reimbursements (state, payable_from, created_at)`,
    );

    // The default flow of each kind of operation: any one officer decides.
    await queryRunner.query(`
      INSERT INTO approval_flows (name, subject_type, is_default, levels, created_at, updated_at)
      SELECT name, subject_type, true,
             '[{"name": "Officer review", "approverUserIds": [], "approverRole": "officer", "policy": "any", "dueInDays": 7}]',
             now(), now()
        FROM (VALUES ('Default share redemption approval', 'share_redemption'),
                     ('Default share transfer approval', 'share_transfer'),
                     ('Default share conversion approval', 'share_conversion')) AS f(name, subject_type)
       WHERE NOT EXISTS (SELECT 1 FROM approval_flows a WHERE a.subject_type = f.subject_type AND a.is_default)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM approval_flows WHERE subject_type IN ('share_redemption','share_transfer','share_conversion')`,
    );
    await queryRunner.query(`DROP TABLE share_reimbursements`);
    await queryRunner.query(`ALTER TABLE share_movements DISABLE TRIGGER share_movements_append_only`);
    await queryRunner.query(`DELETE FROM share_certificates WHERE movement_id IN
      (SELECT id FROM share_movements WHERE kind <> 'issue')`);
    await queryRunner.query(`DELETE FROM share_movements WHERE kind <> 'issue'`);
    await queryRunner.query(`ALTER TABLE share_movements ENABLE TRIGGER share_movements_append_only`);
    await queryRunner.query(`DROP INDEX share_movements_converted_number_key`);
    await queryRunner.query(`
      ALTER TABLE share_movements DROP CONSTRAINT share_movements_operation_check,
        DROP CONSTRAINT share_movements_kind_check, DROP COLUMN direction, DROP COLUMN operation_id,
        ADD CONSTRAINT share_movements_kind_check CHECK (kind IN ('issue'))`);
    await queryRunner.query(`DROP TABLE share_operations`);
    await queryRunner.query(`DROP SEQUENCE share_operation_number_seq`);
    await queryRunner.query(`UPDATE cooperators SET state = 'effective', former_since = NULL WHERE state = 'former'`);
    await queryRunner.query(`
      ALTER TABLE cooperators DROP CONSTRAINT cooperators_former_since_check,
        DROP CONSTRAINT cooperators_effective_since_check, DROP CONSTRAINT cooperators_number_check,
        DROP CONSTRAINT cooperators_state_check, DROP COLUMN former_since,
        ADD CONSTRAINT cooperators_state_check CHECK (state IN ('candidate','effective')),
        ADD CONSTRAINT cooperators_check CHECK ((state = 'effective') = (number IS NOT NULL AND effective_since IS NOT NULL))`);
    await queryRunner.query(`DROP TABLE cooperative_settings`);
    for (const table of ['approval_flows', 'approval_requests']) {
      await queryRunner.query(`DELETE FROM ${table} WHERE subject_type NOT IN ${OLD_SUBJECT_TYPES}`);
      await queryRunner.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_subject_type_check`);
      await queryRunner.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_subject_type_check CHECK (subject_type IN ${OLD_SUBJECT_TYPES})`,
      );
    }
  }
}
