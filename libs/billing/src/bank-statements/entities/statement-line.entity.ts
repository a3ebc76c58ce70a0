import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import type { BankStatementLine } from '../bank-statement.types';
import type { BankLineState } from '../bank-line-state';

/** bigint columns read as numbers: minor units stay far below 2^53. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One line of an imported statement and what became of it: matched by its reference (with the
 * payment recorded), suggested, waiting for review, resolved or ignored by finance (who and when),
 * or a duplicate of a line imported before.
 */
@Entity('bank_statement_lines')
export class StatementLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'statement_id', type: 'uuid' })
  statementId: string;

  /** Order in the file, from 1. */
  @Column({ type: 'int' })
  position: number;

  @Column({ name: 'line_key', type: 'text' })
  lineKey: string;

  /** Same transaction, same key, whichever file it comes in (see dedupeKeyOf). */
  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  @Column({ name: 'booking_date', type: 'date' })
  bookingDate: string;

  @Column({ name: 'value_date', type: 'date', nullable: true })
  valueDate: string | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  amount: number;

  @Column({ type: 'text' })
  currency: string;

  @Column({ type: 'text' })
  direction: BankStatementLine['direction'];

  @Column({ name: 'counterparty_name', type: 'text', nullable: true })
  counterpartyName: string | null;

  @Column({ name: 'counterparty_iban', type: 'text', nullable: true })
  counterpartyIban: string | null;

  @Column({ name: 'structured_reference', type: 'text', nullable: true })
  structuredReference: string | null;

  @Column({ name: 'remittance_text', type: 'text', nullable: true })
  remittanceText: string | null;

  @Column({ name: 'end_to_end_id', type: 'text', nullable: true })
  endToEndId: string | null;

  @Column({ name: 'bank_reference', type: 'text', nullable: true })
  bankReference: string | null;

  /** The valid RF/OGM references the line quotes, in printed form (referencesIn). */
  @Column({ name: 'payment_references', type: 'text', array: true })
  paymentReferences: string[];

  @Column({ type: 'text' })
  state: BankLineState;

  /** The document its reference names, when it names one of ours. */
  @Column({ name: 'reference_document_id', type: 'uuid', nullable: true })
  referenceDocumentId: string | null;

  @Column({ name: 'suggested_document_id', type: 'uuid', nullable: true })
  suggestedDocumentId: string | null;

  @Column({ name: 'payment_id', type: 'uuid', nullable: true })
  paymentId: string | null;

  @Column({ name: 'duplicate_of_line_id', type: 'uuid', nullable: true })
  duplicateOfLineId: string | null;

  @Column({ name: 'resolved_by_user_id', type: 'uuid', nullable: true })
  resolvedByUserId: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;
}
