import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Money applied to a document. The Payments issue records payments and allocates them; the
 * amount due of a document is its gross minus its allocations not reversed.
 */
@Entity('billing_allocations')
export class Allocation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  /** The payment it comes from (a later issue's table); null for a zero document settled at issue. */
  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  @Column({ type: 'int' })
  amount: number;

  @Column({ name: 'allocated_at', type: 'timestamptz' })
  allocatedAt: Date;

  @Column({ name: 'reversed_at', type: 'timestamptz', nullable: true })
  reversedAt: Date | null;
}
