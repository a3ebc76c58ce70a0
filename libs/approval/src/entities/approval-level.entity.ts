import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@tessera/core';
import type { LevelStatus } from '../approval-state';
import type { ApprovalPolicy } from '../approval.types';

/** A level of one request: the flow's level copied when the request opened, and its progress. */
@Entity('approval_levels')
export class ApprovalLevel {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @PrimaryColumn({ type: 'int' })
  number: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  policy: ApprovalPolicy;

  @Column({ name: 'due_in_days', type: 'int' })
  dueInDays: number;

  @Column({ name: 'approver_role', type: 'text', nullable: true })
  approverRole: Role | null;

  @Column({ name: 'approver_user_ids', type: 'uuid', array: true })
  approverUserIds: string[];

  @Column({ type: 'text' })
  status: LevelStatus;

  @Column({ name: 'opened_at', type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
