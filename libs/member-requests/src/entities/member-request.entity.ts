import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberRequestKind, MemberRequestState } from '../member-request-state';
import type { PlanChangeEffect } from '@tessera/subscription';

/** What an approved request did, kept for the member and staff to read. */
export interface MemberRequestOutcome {
  /** Upgrade: the first day on the new plan. */
  effectiveOn?: string;
  /** Upgrade "now": the pro-rata invoice. */
  invoice?: { id: string; number: string; gross: number; currency: string } | null;
  /** Termination: the last day of membership. */
  endsOn?: string;
  /** Pro-formas cancelled (and, for a plan change, issued again on the new plan). */
  proFormasCancelled?: number;
  proFormasReissued?: number;
}

/** A member's request to change plan or end their membership (issue 17), decided through an approval request. */
@Entity('member_requests')
export class MemberRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** REQ-2026-000042 */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'text' })
  kind: MemberRequestKind;

  @Column({ type: 'text' })
  state: MemberRequestState;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  /** The plan when the request was made. */
  @Column({ name: 'from_plan_id', type: 'uuid' })
  fromPlanId: string;

  @Column({ name: 'to_plan_id', type: 'uuid', nullable: true })
  toPlanId: string | null;

  @Column({ type: 'text', nullable: true })
  effect: PlanChangeEffect | null;

  /** Upgrade: the member's note. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Termination: one of TERMINATION_REASONS, and free text. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  details: string | null;

  /** Termination: the last day asked for (null: the end of the current period). */
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId: string | null;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ name: 'requested_by_name', type: 'text' })
  requestedByName: string;

  /** Made by staff for the member (a termination on their behalf). */
  @Column({ name: 'on_behalf', type: 'boolean' })
  onBehalf: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName: string | null;

  /** A refusal's or cancellation's reason, an approval's comment. */
  @Column({ name: 'decision_note', type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome: MemberRequestOutcome | null;
}
