import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration meets approval and members: a plan's approval flow must exist, and an approved
 * application records the member it made (or matched).
 */
export class LinkRegistrationOutcomes1763850000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE plans ADD CONSTRAINT plans_approval_flow_fk FOREIGN KEY (approval_flow_id) REFERENCES approval_flows(id)`,
    );
    await queryRunner.query(`ALTER TABLE applications ADD COLUMN member_id uuid REFERENCES members(id)`);
    await queryRunner.query(
      `ALTER TABLE applications ADD CONSTRAINT applications_member_when_approved CHECK ((status = 'approved') = (member_id IS NOT NULL))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE applications DROP COLUMN member_id`);
    await queryRunner.query(`ALTER TABLE plans DROP CONSTRAINT plans_approval_flow_fk`);
  }
}
