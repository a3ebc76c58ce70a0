import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A membership card a member was given; its QR token is derived from `id` (card-token.ts). */
@Entity('membership_cards')
export class MembershipCard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  /** Also the PDF's date, so the same card renders to the same bytes. */
  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'text', nullable: true })
  revokedReason: string | null;
}
