import { Column, Entity, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind, DocumentState } from '../billing-document-state';
import type { BillingParty } from '../billing.types';
import { BillingDocumentLine } from './billing-document-line.entity';

/** An invoice, pro-forma or credit note: issued once with its number, never edited afterwards. */
@Entity('billing_documents')
export class BillingDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: DocumentKind;

  @Column({ type: 'text' })
  state: DocumentState;

  /** INV-2026-000001, PRO-…, CN-…: gapless per series and year, given at issue. */
  @Column({ type: 'text' })
  number: string;

  /** A member of @tessera/members (no foreign key across domains). */
  @Column({ name: 'member_id', type: 'uuid' })
  memberId: string;

  /** The buyer as billed: name, address, company and VAT numbers when issued. */
  @Column({ type: 'jsonb' })
  buyer: BillingParty;

  /** The language of the PDF and e-mails. */
  @Column({ type: 'text' })
  locale: 'en' | 'fr';

  @Column({ type: 'text' })
  currency: string;

  @Column({ name: 'net_amount', type: 'int' })
  netAmount: number;

  @Column({ name: 'tax_amount', type: 'int' })
  taxAmount: number;

  @Column({ name: 'gross_amount', type: 'int' })
  grossAmount: number;

  /** What payments allocated to it cover (invoices and pro-formas). */
  @Column({ name: 'allocated_amount', type: 'int' })
  allocatedAmount: number;

  /** Local dates (YYYY-MM-DD) in the organisation's time zone. */
  @Column({ name: 'issue_date', type: 'date' })
  issueDate: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd: string | null;

  /** RF… or +++…+++ for payable documents; unique. */
  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference: string | null;

  /** What the document bills, in the words of the domain that asked (e.g. `subscription`). */
  @Column({ name: 'subject_type', type: 'text', nullable: true })
  subjectType: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId: string | null;

  /** The pro-forma an invoice confirms, or the invoice a credit note credits. */
  @Column({ name: 'related_document_id', type: 'uuid', nullable: true })
  relatedDocumentId: string | null;

  /** Why it was credited, declined or cancelled (a credit note: why it was issued). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'pdf_key', type: 'text', nullable: true })
  pdfKey: string | null;

  @Column({ name: 'pdf_sha256', type: 'text', nullable: true })
  pdfSha256: string | null;

  /** When its e-mail was written to the outbox (once, whatever the retries). */
  @Column({ name: 'announced_at', type: 'timestamptz', nullable: true })
  announcedAt: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  @Column({ name: 'issued_by_user_id', type: 'uuid', nullable: true })
  issuedByUserId: string | null;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @OneToMany(() => BillingDocumentLine, (line) => line.document, { cascade: ['insert'] })
  lines: BillingDocumentLine[];
}
