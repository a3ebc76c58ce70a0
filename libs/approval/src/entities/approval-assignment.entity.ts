import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentStatus } from '../approval-state';

/** One approver's part on one level of a request. */
@Entity('approval_assignments')
export class ApprovalAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ name: 'level_number', type: 'int' })
  levelNumber: number;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** The approver's name when assigned. */
  @Column({ name: 'user_name', type: 'text' })
  userName: string;

  @Column({ type: 'text' })
  status: AssignmentStatus;

  /** The assignment this one took over by reassignment. */
  @Column({ name: 'reassigned_from', type: 'uuid', nullable: true })
  reassignedFrom: string | null;

  /** Who this assignment was handed to (status `reassigned`). */
  @Column({ name: 'reassigned_to', type: 'uuid', nullable: true })
  reassignedTo: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** The last reminder for an overdue level (at most one a day). */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
