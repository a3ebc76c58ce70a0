import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicantKind, PeriodUnit } from '../plans.types';

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

  @Column({ name: 'sort_order', type: 'int' })
  sortOrder: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
