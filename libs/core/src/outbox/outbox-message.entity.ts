import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A side effect (e-mail, job, webhook) recorded in the same transaction as the change that
 * causes it. The relay moves it to its BullMQ queue, using the row id as the job id, and moves it
 * again while its job has not finished (`completedAt`) within the queue's `redeliverAfterMs`.
 */
@Entity('outbox_messages')
@Index('outbox_messages_open_idx', ['dispatchedAt'], { where: 'completed_at IS NULL' })
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  queue: string;

  @Column({ name: 'job_name' })
  jobName: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  /** When its job finished: done, or given up for good. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** Set when its job failed for good (then `completed_at` too): the relay gives up on it. */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ name: 'relay_attempts', type: 'int', default: 0 })
  relayAttempts: number;

  @Column({ name: 'last_relay_error', type: 'text', nullable: true })
  lastRelayError: string | null;
}
