import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationStatus } from '../application-state';
import type { ActorKind, ApplicationEventType } from '../registration.types';

/** One entry of an application's history: what happened, who did it, when, and why. */
@Entity('application_events')
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order, for a stable history when two events share a timestamp. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'application_id', type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text' })
  type: ApplicationEventType;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: ApplicationStatus;

  @Column({ name: 'actor_kind', type: 'text' })
  actorKind: ActorKind;

  /** The user or API key, when the actor is one. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
