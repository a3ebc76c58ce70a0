import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BillingDocument } from './billing-document.entity';

/** One line of a document, priced and taxed when issued. */
@Entity('billing_document_lines')
export class BillingDocumentLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne('BillingDocument', (document: BillingDocument) => document.lines, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document: BillingDocument;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd: string | null;

  @Column({ type: 'int' })
  quantity: number;

  @Column({ name: 'unit_price', type: 'int' })
  unitPrice: number;

  @Column({ name: 'tax_rate_bps', type: 'int' })
  taxRateBps: number;

  @Column({ name: 'net_amount', type: 'int' })
  netAmount: number;

  @Column({ name: 'tax_amount', type: 'int' })
  taxAmount: number;
}
