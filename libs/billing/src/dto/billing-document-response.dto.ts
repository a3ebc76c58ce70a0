import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import {
  DOCUMENT_KINDS,
  DOCUMENT_STATES,
  isPayable,
  type DocumentKind,
  type DocumentState,
} from '../billing-document-state';
import type { DocumentRow } from '../billing-document.repository';
import { periodOf } from '../document-lines';
import type { BillingDocument } from '../entities/billing-document.entity';

export class DocumentPeriodDto {
  @ApiProperty({ example: '2026-01-01', description: 'Local date, first day' })
  start: string;
  @ApiProperty({ example: '2026-12-31', description: 'Local date, last day (inclusive)' })
  end: string;
}

export class DocumentTotalsDto {
  @ApiProperty({ type: MoneyDto })
  net: MoneyDto;
  @ApiProperty({ type: MoneyDto })
  tax: MoneyDto;
  @ApiProperty({ type: MoneyDto })
  gross: MoneyDto;
}

export class DocumentMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042', nullable: true, type: String })
  number: string | null;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
}

/** A document as lists show it. */
export class BillingDocumentSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;
  @ApiProperty({ example: 'INV-2026-000001' })
  number: string;
  @ApiProperty({
    enum: DOCUMENT_STATES,
    description:
      'invoice: open, partially-paid, paid, credited · pro-forma: open, confirmed, declined, cancelled · credit-note: issued',
  })
  state: DocumentState;
  @ApiProperty({ type: DocumentMemberDto })
  member: DocumentMemberDto;
  @ApiProperty({ example: '2026-12-06', description: "Local date in the organisation's time zone" })
  issueDate: string;
  @ApiProperty({ example: '2027-01-05', nullable: true, type: String, description: 'None for credit notes' })
  dueDate: string | null;
  @ApiProperty({ type: DocumentTotalsDto })
  totals: DocumentTotalsDto;
  @ApiProperty({ type: MoneyDto, description: 'Gross minus what payments cover; 0 once settled, credited or closed' })
  amountDue: MoneyDto;
  @ApiProperty({ example: '+++090/9337/55493+++', nullable: true, type: String })
  paymentReference: string | null;
  @ApiProperty({ type: DocumentPeriodDto, nullable: true })
  period: DocumentPeriodDto | null;
  @ApiProperty({ description: 'Payable and past its due date' })
  overdue: boolean;

  static fromRow(row: DocumentRow): BillingDocumentSummaryDto {
    const money = (amount: number) => ({ amount, currency: row.currency });
    return {
      id: row.id,
      kind: row.kind,
      number: row.number,
      state: row.state,
      member: { id: row.memberId, number: row.memberNumber, name: row.memberName },
      issueDate: row.issueDate,
      dueDate: row.dueDate,
      totals: { net: money(row.netAmount), tax: money(row.taxAmount), gross: money(row.grossAmount) },
      amountDue: money(isPayable(row.kind, row.state) ? row.grossAmount - row.allocatedAmount : 0),
      paymentReference: row.paymentReference,
      period: periodOf(row),
      overdue: row.overdue,
    };
  }
}

export class DocumentLineDto {
  @ApiProperty({ example: 'Individual membership' })
  description: string;
  @ApiProperty({ type: DocumentPeriodDto, nullable: true })
  period: DocumentPeriodDto | null;
  @ApiProperty({ example: 1 })
  quantity: number;
  @ApiProperty({ type: MoneyDto, description: 'Before tax' })
  unitPrice: MoneyDto;
  @ApiProperty({ example: 2100, description: 'Tax rate in basis points (2100 = 21 %)' })
  taxRateBps: number;
  @ApiProperty({ type: MoneyDto })
  net: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Rounded half-up per line' })
  tax: MoneyDto;
}

export class BuyerAddressDto {
  @ApiProperty()
  line1: string;
  @ApiProperty({ required: false, nullable: true, type: String })
  line2?: string | null;
  @ApiProperty()
  postalCode: string;
  @ApiProperty()
  city: string;
  @ApiProperty({ example: 'BE' })
  country: string;
}

export class BuyerDto {
  @ApiProperty()
  name: string;
  @ApiProperty({ type: BuyerAddressDto, nullable: true })
  address: BuyerAddressDto | null;
  @ApiProperty({ nullable: true, type: String })
  companyNumber: string | null;
  @ApiProperty({ nullable: true, type: String })
  vatNumber: string | null;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;
}

export class RelatedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS })
  kind: DocumentKind;
  @ApiProperty({ example: 'PRO-2026-000003' })
  number: string;
  @ApiProperty({
    enum: ['confirms', 'confirmed-as', 'credits', 'credited-by'],
    description:
      'confirms: this invoice confirms that pro-forma · confirmed-as: this pro-forma became that invoice · credits / credited-by: likewise for credit notes',
  })
  relation: 'confirms' | 'confirmed-as' | 'credits' | 'credited-by';
}

/** A document in full. */
export class BillingDocumentDto extends BillingDocumentSummaryDto {
  @ApiProperty({ type: DocumentLineDto, isArray: true })
  lines: DocumentLineDto[];
  @ApiProperty({ type: BuyerDto })
  buyer: BuyerDto;
  @ApiProperty({ type: RelatedDocumentDto, isArray: true })
  related: RelatedDocumentDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Why it was credited, declined or cancelled' })
  reason: string | null;
  @ApiProperty({ enum: ['en', 'fr'], description: 'The language of its PDF' })
  locale: 'en' | 'fr';
  @ApiProperty({ nullable: true, type: String, description: 'SHA-256 of the PDF, once rendered (it never changes)' })
  pdfSha256: string | null;
  @ApiProperty({ example: '2026-12-06T10:00:00.000Z' })
  issuedAt: string;
  @ApiProperty({ nullable: true, type: String })
  settledAt: string | null;

  static fromEntity(document: BillingDocument, related: RelatedDocumentDto[], today: string): BillingDocumentDto {
    const money = (amount: number) => ({ amount, currency: document.currency });
    const summary = BillingDocumentSummaryDto.fromRow({
      ...document,
      memberNumber: document.buyer.memberNumber,
      memberName: document.buyer.name,
      overdue: isPayable(document.kind, document.state) && document.dueDate !== null && document.dueDate < today,
    });
    return {
      ...summary,
      lines: document.lines.map((line) => ({
        description: line.description,
        period: periodOf(line),
        quantity: line.quantity,
        unitPrice: money(line.unitPrice),
        taxRateBps: line.taxRateBps,
        net: money(line.netAmount),
        tax: money(line.taxAmount),
      })),
      buyer: {
        name: document.buyer.name,
        address: document.buyer.address,
        companyNumber: document.buyer.companyNumber,
        vatNumber: document.buyer.vatNumber,
        email: document.buyer.email,
      },
      related,
      reason: document.reason,
      locale: document.locale,
      pdfSha256: document.pdfSha256,
      issuedAt: document.issuedAt.toISOString(),
      settledAt: document.settledAt?.toISOString() ?? null,
    };
  }
}

export class CurrencyTotalDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ description: 'Sum of the gross amounts, minor units' })
  gross: number;
  @ApiProperty({ description: 'Sum of the amounts still due, minor units' })
  amountDue: number;
}

export class BillingDocumentPageDto extends PageResponseDto(BillingDocumentSummaryDto) {
  @ApiProperty({
    type: CurrencyTotalDto,
    isArray: true,
    description: 'Totals of every matching document, per currency',
  })
  totals: CurrencyTotalDto[];
}

export class MyBillingDocumentPageDto extends PageResponseDto(BillingDocumentSummaryDto) {
  @ApiProperty({
    description: 'Whether open documents can be paid online (POST /me/invoices/{id}/checkout): Stripe is configured',
  })
  onlinePayment: boolean;
}
