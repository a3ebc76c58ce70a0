import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SubscriptionOrigin, SubscriptionState } from '../subscription-state';

/** A member's subscription to a plan: its state and the period it currently covers. */
@Entity('subscriptions')
export class Subscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** A member of @tessera/members; at most one live (pending or active) subscription each. */
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  /** The plan from the next period on (a change "at renewal"); null when none is scheduled. */
  @Column({ name: 'next_plan_id', type: 'uuid', nullable: true })
  nextPlanId: string | null;

  @Column({ type: 'text' })
  state: SubscriptionState;

  @Column({ type: 'text' })
  origin: SubscriptionOrigin;

  /** The application's or order's id (the staff user's for staff). */
  @Column({ name: 'origin_id', type: 'uuid', nullable: true })
  originId: string | null;

  @Column({ name: 'origin_reference', type: 'text', nullable: true })
  originReference: string | null;

  /** Local dates (YYYY-MM-DD) in the organisation's time zone. */
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Where its cycle is counted from: the start date, or for calendar plans the cycle point. */
  @Column({ name: 'cycle_anchor', type: 'date' })
  cycleAnchor: string;

  @Column({ name: 'current_period_start', type: 'date' })
  currentPeriodStart: string;

  /** Inclusive: the last day covered. */
  @Column({ name: 'current_period_end', type: 'date' })
  currentPeriodEnd: string;

  /** The last day of membership once ended. */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;

  /** The first day time alone may change the member's status (statuses/next-status-change.ts). */
  @Column({ name: 'next_status_change_on', type: 'date', nullable: true })
  nextStatusChangeOn: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
