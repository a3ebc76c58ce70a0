import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { DOCUMENT_KINDS, DOCUMENT_STATES, type DocumentKind, type DocumentState } from '../billing-document-state';
import { BANK_LINE_STATES, type BankLineState } from '../bank-statements/bank-line-state';
import { STATEMENT_FORMATS, type StatementFormat } from '../bank-statements/statement-upload';
import { AllocationInputDto } from './payment.dto';

export class BankStatementImporterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
}

/** A statement and what its import did. */
export class BankStatementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: STATEMENT_FORMATS, enumName: 'BankStatementFormat' })
  format: StatementFormat;
  @ApiProperty({ example: 'camt053-2026-03-02.xml' })
  fileName: string;
  @ApiProperty({ nullable: true, type: String, description: 'The bank’s statement id (CAMT); null for CSV' })
  statementId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'BE68539007547034' })
  accountIban: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'EUR' })
  currency: string | null;
  @ApiProperty({ description: 'Lines read from the file' })
  lines: number;
  @ApiProperty({ description: 'Recorded as payments by their reference' })
  matched: number;
  @ApiProperty({ description: 'Given a suggestion, waiting for finance' })
  suggested: number;
  @ApiProperty({ description: 'Sent to the review queue' })
  toReview: number;
  @ApiProperty({ description: 'Imported before (another statement holds them)' })
  duplicates: number;
  @ApiProperty({ description: 'Debits: not payments to us' })
  ignored: number;
  @ApiProperty({ description: 'Lines still waiting for finance now (to review or suggested)' })
  open: number;
  @ApiProperty()
  importedAt: string;
  @ApiProperty({ type: BankStatementImporterDto, nullable: true })
  importedBy: BankStatementImporterDto | null;
}

export class BankStatementPageDto extends PageResponseDto(BankStatementDto) {}

export class BankLineDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'INV-2026-000042' })
  number: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' })
  kind: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_STATES, enumName: 'DocumentState' })
  state: DocumentState;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ description: 'The buyer as billed' })
  buyerName: string;
  @ApiProperty({ nullable: true, type: String })
  paymentReference: string | null;
  @ApiProperty({ type: MoneyDto })
  amountDue: MoneyDto;
}

export class BankLineCounterpartyDto {
  @ApiProperty({ nullable: true, type: String })
  name: string | null;
  @ApiProperty({ nullable: true, type: String })
  iban: string | null;
}

export class BankLineDecisionDto {
  @ApiProperty({ enum: ['resolve', 'ignore', 'reopen'] })
  action: 'resolve' | 'ignore' | 'reopen';
  @ApiProperty({ nullable: true, type: String, description: 'The reason or note given' })
  note: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The payment a resolution recorded' })
  paymentId: string | null;
  @ApiProperty({ type: BankStatementImporterDto, nullable: true })
  decidedBy: BankStatementImporterDto | null;
  @ApiProperty()
  decidedAt: string;
}

export class BankStatementLineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  statementId: string;
  @ApiProperty({ description: 'Order in the file, from 1' })
  position: number;
  @ApiProperty({ format: 'date' })
  bookingDate: string;
  @ApiProperty({ type: MoneyDto, description: 'Positive; see direction' })
  amount: MoneyDto;
  @ApiProperty({ enum: ['credit', 'debit'] })
  direction: 'credit' | 'debit';
  @ApiProperty({ type: BankLineCounterpartyDto, description: 'Who paid (credit) or was paid (debit)' })
  counterparty: BankLineCounterpartyDto;
  @ApiProperty({ nullable: true, type: String })
  structuredReference: string | null;
  @ApiProperty({ nullable: true, type: String })
  remittanceText: string | null;
  @ApiProperty({ nullable: true, type: String })
  bankReference: string | null;
  @ApiProperty({ type: String, isArray: true, description: 'Valid RF/OGM references the line quotes (printed form)' })
  references: string[];
  @ApiProperty({ enum: BANK_LINE_STATES, enumName: 'BankLineState' })
  state: BankLineState;
  @ApiProperty({ type: BankLineDocumentDto, nullable: true, description: 'The document its reference names' })
  referenceDocument: BankLineDocumentDto | null;
  @ApiProperty({ type: BankLineDocumentDto, nullable: true, description: 'Same amount and payer name, to confirm' })
  suggestedDocument: BankLineDocumentDto | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The payment recorded for it' })
  paymentId: string | null;
  @ApiProperty({ nullable: true, type: String })
  receiptNumber: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The earlier line it repeats' })
  duplicateOfLineId: string | null;
  @ApiProperty({ type: BankStatementImporterDto, nullable: true, description: 'Who decided (finance)' })
  resolvedBy: BankStatementImporterDto | null;
  @ApiProperty({ nullable: true, type: String })
  resolvedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was ignored, or finance’s note' })
  resolutionNote: string | null;
  @ApiProperty({ type: BankLineDecisionDto, isArray: true, description: 'Finance’s decisions on it, oldest first' })
  decisions: BankLineDecisionDto[];
}

export class BankStatementLinePageDto extends PageResponseDto(BankStatementLineDto) {}

export class ListBankStatementsQueryDto extends PageQueryDto {}

export class ListBankStatementLinesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: BANK_LINE_STATES, enumName: 'BankLineState', description: 'Only lines in this state' })
  @IsOptional()
  @IsIn(BANK_LINE_STATES)
  state?: BankLineState;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only lines waiting for finance (to-review and suggested), the review queue',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  open?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the lines of this statement' })
  @IsOptional()
  @IsUUID()
  statementId?: string;
}

/**
 * One decision: `allocations` (pay documents of one member; the rest of the line is credit; with
 * no documents, `memberId` takes it all as credit), `acceptSuggestion`, or `ignore` with a reason.
 */
export class ResolveBankLineDto {
  @ApiPropertyOptional({ type: [AllocationInputDto], maxItems: 50, description: 'Documents of one member to pay' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AllocationInputDto)
  allocations?: AllocationInputDto[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The member paying (required when allocations is empty)' })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ enum: [true], description: 'Pay the suggested document' })
  @IsOptional()
  @IsBoolean()
  @Equals(true)
  acceptSuggestion?: boolean;

  @ApiPropertyOptional({ enum: [true], description: '"Not ours": nothing is recorded; give a reason' })
  @IsOptional()
  @IsBoolean()
  @Equals(true)
  ignore?: boolean;

  @ApiPropertyOptional({ minLength: 3, maxLength: 500, description: 'Why it is ignored (required with ignore)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A note kept with the decision' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}

/** Puts a line ignored by mistake back in the review queue. */
export class ReopenBankLineDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'Why it is reopened' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  note?: string;
}
