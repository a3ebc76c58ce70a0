import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubscriptionState } from '../subscription-state';

/** One step of a subscription's history: its creation and every change of state, with why. */
@Entity('subscription_events')
export class SubscriptionEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @Column({ name: 'from_state', type: 'text', nullable: true })
  fromState: SubscriptionState | null;

  @Column({ name: 'to_state', type: 'text' })
  toState: SubscriptionState;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
