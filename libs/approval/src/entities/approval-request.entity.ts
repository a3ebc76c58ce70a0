import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestStatus } from '../approval-state';
import type { ApprovalSubjectType } from '../approval.types';

/** A subject going through a flow's levels, with a summary of the subject for the inbox. */
@Entity('approval_requests')
export class ApprovalRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: ApprovalSubjectType;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'flow_id', type: 'uuid' })
  flowId: string;

  @Column({ name: 'flow_name', type: 'text' })
  flowName: string;

  /** Denormalised from the subject, e.g. the applicant's name. */
  @Column({ type: 'text' })
  title: string;

  /** Denormalised from the subject, e.g. APP-2026-000042. */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  status: RequestStatus;

  /** The open level's number (1-based); the last level reached once closed. */
  @Column({ name: 'current_level', type: 'int' })
  currentLevel: number;

  @Column({ name: 'level_count', type: 'int' })
  levelCount: number;

  @Column({ name: 'opened_by', type: 'uuid', nullable: true })
  openedBy: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
