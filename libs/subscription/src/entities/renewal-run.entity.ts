import type { TrackedRunState } from '@tessera/core';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RenewalRunState = TrackedRunState;
export type RenewalRunTrigger = 'schedule' | 'staff';

/** One renewal run: as of which date, who started it, how far it got and what it issued. */
@Entity('renewal_runs')
export class RenewalRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'as_of', type: 'date' })
  asOf: string;

  @Column({ type: 'text' })
  trigger: RenewalRunTrigger;

  @Column({ name: 'started_by_user_id', type: 'uuid', nullable: true })
  startedByUserId: string | null;

  @Column({ type: 'text' })
  state: RenewalRunState;

  /** Subscriptions found due so far. */
  @Column({ type: 'int' })
  examined: number;

  /** Pro-formas this run issued (a re-run issues none for what is already issued). */
  @Column({ type: 'int' })
  issued: number;

  /** Gross issued per currency: `[{currency, gross, count}]`. */
  @Column({ type: 'jsonb' })
  totals: { currency: string; gross: number; count: number }[];

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
