import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicantKind, BillingAnchor, PeriodUnit } from '../plans.types';

/** A membership plan people apply for: who may take it, its price and billing period. */
@Entity('plans')
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable slug, unique. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'applicant_kinds', type: 'text', array: true })
  applicantKinds: ApplicantKind[];

  /** Integer minor units (cents). */
  @Column({ name: 'price_amount', type: 'int' })
  priceAmount: number;

  @Column({ name: 'price_currency', type: 'text' })
  priceCurrency: string;

  @Column({ name: 'period_count', type: 'int' })
  periodCount: number;

  @Column({ name: 'period_unit', type: 'text' })
  periodUnit: PeriodUnit;

  @Column({ name: 'grace_days', type: 'int' })
  graceDays: number;

  /** Days a member may stay suspended before they become an ex-member and the subscription ends. */
  @Column({ name: 'lapse_days', type: 'int' })
  lapseDays: number;

  @Column({ type: 'boolean' })
  active: boolean;

  /** The approval flow applications on this plan go through (the Approval issue wires it). */
  @Column({ name: 'approval_flow_id', type: 'uuid', nullable: true })
  approvalFlowId: string | null;

  /** Supporting documents an application must carry (0: none required). */
  @Column({ name: 'documents_required', type: 'int' })
  documentsRequired: number;

  /** What to send, shown beside the upload on the form ("Proof of enrolment"). */
  @Column({ name: 'documents_hint', type: 'text', nullable: true })
  documentsHint: string | null;

  /** Tax rate in basis points: 2100 = 21 % (0 allowed). */
  @Column({ name: 'tax_rate_bps', type: 'int' })
  taxRateBps: number;

  @Column({ name: 'billing_anchor', type: 'text' })
  billingAnchor: BillingAnchor;

  /** Calendar plans only (a CHECK ties them to billing_anchor): the cycle's anchor date in each year. */
  @Column({ name: 'anchor_month', type: 'smallint', nullable: true })
  anchorMonth: number | null;

  @Column({ name: 'anchor_day', type: 'smallint', nullable: true })
  anchorDay: number | null;

  /** Calendar plans only: the first, partial period is charged by days. */
  @Column({ name: 'prorate_first_period', type: 'boolean' })
  prorateFirstPeriod: boolean;

  /** Days before a period ends that its renewal pro-forma is issued. */
  @Column({ name: 'renewal_lead_days', type: 'int' })
  renewalLeadDays: number;

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
