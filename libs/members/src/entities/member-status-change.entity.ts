import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberStatus } from '../member-status';
import type { MemberActorKind } from '../members.types';

/** One change of a member's status, with its reason; appended, never changed. */
@Entity('member_status_changes')
export class MemberStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, for changes recorded at the same instant. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  /** Null for the first status, given when the member was created. */
  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: MemberStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: MemberStatus;

  /** The reason in English words. */
  @Column({ type: 'text' })
  reason: string;

  /** The status engine's reason code and values, which the SPA words in the reader's language. */
  @Column({ name: 'reason_code', type: 'text', nullable: true })
  reasonCode: string | null;

  @Column({ name: 'reason_params', type: 'jsonb', nullable: true })
  reasonParams: Record<string, unknown> | null;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: MemberActorKind;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
