import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Membership cards: the row a card's QR token names. The token itself is never stored (it is an
 * HMAC of the row's id, see card-token.ts); revoking is setting `revoked_at`.
 */
export class CreateMembershipCards1765007100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE membership_cards (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )`);
    // One card in force per member; replacing one revokes it first.
    await queryRunner.query(
      `CREATE UNIQUE INDEX membership_cards_live_member_key ON membership_cards (member_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE membership_cards`);
  }
}
