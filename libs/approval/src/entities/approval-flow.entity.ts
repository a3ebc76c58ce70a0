import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@tessera/core';
import type { ApprovalPolicy, ApprovalSubjectType } from '../approval.types';

/** One level of a flow, as configured. */
export interface FlowLevel {
  name: string;
  approverUserIds: string[];
  approverRole: Role | null;
  policy: ApprovalPolicy;
  dueInDays: number;
}

/** A configurable chain of levels that requests of one subject type go through. */
@Entity('approval_flows')
export class ApprovalFlow {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType: ApprovalSubjectType;

  /** The flow used when the owning domain names none; exactly one per subject type. */
  @Column({ name: 'is_default', type: 'boolean' })
  isDefault: boolean;

  @Column({ type: 'jsonb' })
  levels: FlowLevel[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
