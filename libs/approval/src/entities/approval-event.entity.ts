import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestStatus } from '../approval-state';
import type { ApprovalEventType } from '../approval.types';

/** One entry of a request's audit trail. */
@Entity('approval_events')
export class ApprovalEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, for a stable history when two events share a timestamp. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'text' })
  type: ApprovalEventType;

  @Column({ name: 'level_number', type: 'int', nullable: true })
  levelNumber: number | null;

  /** Null for Tessera itself (reminders). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** The actor's name at the time. */
  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  /** Whom the entry concerns besides the actor: the new assignee (reassigned), the approver reminded. */
  @Column({ name: 'target_user_id', type: 'uuid', nullable: true })
  targetUserId: string | null;

  @Column({ name: 'target_name', type: 'text', nullable: true })
  targetName: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'attachment_id', type: 'uuid', nullable: true })
  attachmentId: string | null;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: RequestStatus | null;

  @Column({ name: 'to_status', type: 'text', nullable: true })
  toStatus: RequestStatus | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
