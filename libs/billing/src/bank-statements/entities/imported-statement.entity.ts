import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BankStatement } from '../bank-statement.types';

/** A bank statement file as imported, with what its import did to its lines. */
@Entity('bank_statements')
export class ImportedStatement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  format: BankStatement['format'];

  /** The same file is imported once: its SHA-256 is unique. */
  @Column({ name: 'file_sha256', type: 'text' })
  fileSha256: string;

  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** The bank's statement id (CAMT `Stmt/Id`); null for CSV. */
  @Column({ name: 'statement_id', type: 'text', nullable: true })
  statementId: string | null;

  @Column({ name: 'account_iban', type: 'text', nullable: true })
  accountIban: string | null;

  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Column({ name: 'line_count', type: 'int' })
  lineCount: number;

  /** What the import did (its summary, kept as it was; the lines say what became of them since). */
  @Column({ type: 'int' })
  matched: number;

  @Column({ type: 'int' })
  suggested: number;

  @Column({ name: 'to_review', type: 'int' })
  toReview: number;

  @Column({ type: 'int' })
  duplicates: number;

  @Column({ type: 'int' })
  ignored: number;

  @Column({ name: 'imported_by_user_id', type: 'uuid', nullable: true })
  importedByUserId: string | null;

  @Column({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
