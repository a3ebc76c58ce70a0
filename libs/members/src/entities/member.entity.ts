import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberStatus } from '../member-status';
import type { MemberKind, MemberSourceType } from '../members.types';

/** The membership of one party (a person or an organisation): at most one per party. */
@Entity('members')
export class Member {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** M-000042. */
  @Column({ type: 'text' })
  number: string;

  @Column({ type: 'text' })
  kind: MemberKind;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  /** A plan of @tessera/plans (no foreign key across domains). */
  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'text' })
  status: MemberStatus;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  @Column({ name: 'source_type', type: 'text' })
  sourceType: MemberSourceType;

  @Column({ name: 'source_id', type: 'uuid', nullable: true })
  sourceId: string | null;

  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference: string | null;

  /** Set by an admin's override: the engine's verdict it overrode (the override holds while the engine still says so). */
  @Column({ name: 'status_override_basis', type: 'text', nullable: true })
  statusOverrideBasis: MemberStatus | null;

  @Column({ name: 'status_override_reason', type: 'text', nullable: true })
  statusOverrideReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
