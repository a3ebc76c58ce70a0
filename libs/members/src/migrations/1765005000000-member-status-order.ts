import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The members list sorted by status reads an index: statuses ranked in the order of a membership
 * (the expression is member-list-sql's MEMBER_STATUS_RANK_SQL, which must stay equal to this).
 */
export class MemberStatusOrder1765005000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX members_status_rank_idx ON members ((CASE status WHEN 'upcoming' THEN 1 WHEN 'member' THEN 2
        WHEN 'in-grace' THEN 3 WHEN 'suspended' THEN 4 WHEN 'ex-member' THEN 5 ELSE 6 END), created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX members_status_rank_idx`);
  }
}
