import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentMethod, PaymentSource } from '../payments/payment-method';

/**
 * Money received from a member, allocated to their documents; what is not allocated is their
 * credit, used first on their next invoice. Never deleted: a mistake is reversed.
 */
@Entity('billing_payments')
export class Payment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** REC-2026-000001: gapless per year. */
  @Column({ name: 'receipt_number', type: 'text' })
  receiptNumber: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  @Column({ type: 'int' })
  amount: number;

  @Column({ type: 'text' })
  currency: string;

  /** What is not allocated to a document: the member's credit. */
  @Column({ name: 'unallocated_amount', type: 'int' })
  unallocatedAmount: number;

  @Column({ type: 'text' })
  method: PaymentMethod;

  @Column({ type: 'text' })
  source: PaymentSource;

  /** Local date the money was received. */
  @Column({ name: 'paid_on', type: 'date' })
  paidOn: string;

  @Column({ type: 'text', nullable: true })
  payer: string | null;

  /** The bank's or Stripe's reference, or what staff wrote. */
  @Column({ name: 'external_reference', type: 'text', nullable: true })
  externalReference: string | null;

  /** What makes a payment from the outside world unique (Stripe session, bank line): recorded once. */
  @Column({ name: 'source_key', type: 'text', nullable: true })
  sourceKey: string | null;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'reversed_at', type: 'timestamptz', nullable: true })
  reversedAt: Date | null;

  @Column({ name: 'reversal_reason', type: 'text', nullable: true })
  reversalReason: string | null;

  @Column({ name: 'reversed_by_user_id', type: 'uuid', nullable: true })
  reversedByUserId: string | null;

  @Column({ name: 'receipt_pdf_key', type: 'text', nullable: true })
  receiptPdfKey: string | null;

  @Column({ name: 'receipt_pdf_sha256', type: 'text', nullable: true })
  receiptPdfSha256: string | null;

  /** When the receipt was e-mailed to the member (once). */
  @Column({ name: 'receipt_announced_at', type: 'timestamptz', nullable: true })
  receiptAnnouncedAt: Date | null;
}
