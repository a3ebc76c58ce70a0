import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AccountOrigin } from '../portal-account.types';

/**
 * A member's access to the portal: the user (role `member`) it signs in as, and how it was made.
 * One per user, and users are unique by normalised e-mail, so one account per e-mail.
 */
@Entity('portal_accounts')
export class PortalAccount {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The person (members' party) the account belongs to; null until that person exists. */
  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'text' })
  origin: AccountOrigin;

  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  /** Made by the system (approval, order) rather than by staff: flagged until acknowledged. */
  @Column({ name: 'auto_created', type: 'boolean' })
  autoCreated: boolean;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'uuid', nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
