import type { TrackedRunState } from '@tessera/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type StatusSweepState = TrackedRunState;
export type StatusSweepTrigger = 'schedule' | 'staff';

/** One status sweep: as of which day, who started it, and how many members it moved to which status. */
@Entity('status_sweeps')
export class StatusSweep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'text' })
  trigger: StatusSweepTrigger;

  @Column({ name: 'started_by_user_id', type: 'uuid', nullable: true })
  startedByUserId: string | null;

  @Column({ type: 'text' })
  state: StatusSweepState;

  /** Members found whose status time had changed. */
  @Column({ type: 'int' })
  examined: number;

  /** Members this sweep moved (a payment committed meanwhile keeps its member out). */
  @Column({ type: 'int' })
  changed: number;

  /** Moves by new status: `{"in-grace": 12, "suspended": 3}`. */
  @Column({ type: 'jsonb' })
  changes: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
