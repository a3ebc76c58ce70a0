import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LocalDateField, Nested, PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import type { PaymentRow } from '../payments/payment-queries';
import { PAYMENT_METHODS, PAYMENT_SOURCES, type PaymentMethod, type PaymentSource } from '../payments/payment-method';

export class AllocationInputDto {
  @ApiProperty({
    format: 'uuid',
    description: 'An invoice or pro-forma of the member (a pro-forma is confirmed first)',
  })
  @IsUUID()
  documentId: string;

  @ApiProperty({
    minimum: 1,
    description: 'Minor units; at most what the document owes is applied, the rest is credit',
  })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  amount: number;
}

export class RecordPaymentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  memberId: string;

  @ApiProperty({ type: MoneyDto })
  @Nested(() => MoneyDto)
  amount: MoneyDto;

  @ApiProperty({ enum: PAYMENT_METHODS.filter((method) => method !== 'stripe') })
  @IsIn(PAYMENT_METHODS.filter((method) => method !== 'stripe'))
  method: Exclude<PaymentMethod, 'stripe'>;

  @ApiProperty({ format: 'date', description: 'When the money was received (local date)' })
  @LocalDateField()
  date: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Bank reference, cheque number…' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Who paid, if not the member' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  payer?: string;

  @ApiProperty({ type: [AllocationInputDto], maxItems: 50, description: 'May be empty: all of it is credit' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AllocationInputDto)
  allocations: AllocationInputDto[];
}

export class ReversePaymentDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Recorded on the wrong member.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

export class ListPaymentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this member's payments" })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, description: 'Only payments made this way' })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  method?: PaymentMethod;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or after (YYYY-MM-DD)' })
  @IsOptional()
  @LocalDateField()
  paidFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Received on or before (YYYY-MM-DD)' })
  @IsOptional()
  @LocalDateField()
  paidTo?: string;
}

export class PaymentAllocationDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;
  @ApiProperty({ example: 'INV-2026-000001' })
  number: string;
  @ApiProperty({ type: MoneyDto })
  amount: MoneyDto;
  @ApiProperty()
  reversed: boolean;
}

export class PaymentMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
  @ApiProperty()
  name: string;
}

export class PaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'REC-2026-000001' })
  receiptNumber: string;
  @ApiProperty({ type: PaymentMemberDto })
  member: PaymentMemberDto;
  @ApiProperty({ type: MoneyDto })
  amount: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'Not allocated to a document: the member’s credit' })
  unallocated: MoneyDto;
  @ApiProperty({ enum: PAYMENT_METHODS })
  method: PaymentMethod;
  @ApiProperty({ enum: PAYMENT_SOURCES })
  source: PaymentSource;
  @ApiProperty({ example: '2026-12-06' })
  date: string;
  @ApiProperty({ nullable: true, type: String })
  payer: string | null;
  @ApiProperty({ nullable: true, type: String })
  reference: string | null;
  @ApiProperty({ type: PaymentAllocationDto, isArray: true })
  allocations: PaymentAllocationDto[];
  @ApiProperty()
  createdAt: string;
  @ApiProperty({ nullable: true, type: String })
  reversedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  reversalReason: string | null;

  static fromRow(row: PaymentRow): PaymentDto {
    const money = (amount: number) => ({ amount, currency: row.currency });
    return {
      id: row.id,
      receiptNumber: row.receiptNumber,
      member: { id: row.memberId, number: row.memberNumber, name: row.memberName },
      amount: money(row.amount),
      unallocated: money(row.unallocatedAmount),
      method: row.method,
      source: row.source,
      date: row.paidOn,
      payer: row.payer,
      reference: row.externalReference,
      allocations: row.allocations.map((allocation) => ({ ...allocation, amount: money(allocation.amount) })),
      createdAt: row.createdAt,
      reversedAt: row.reversedAt,
      reversalReason: row.reversalReason,
    };
  }
}

export class PaymentPageDto extends PageResponseDto(PaymentDto) {}

export class MemberBalanceDto {
  @ApiProperty({ type: MoneyDto, isArray: true, description: 'Money paid beyond what was owed, per currency' })
  credit: MoneyDto[];
}

export class MemberCreditDto {
  @ApiProperty({
    type: PaymentMemberDto,
    description: 'The member the credit is of: the person, or an organisation they are the contact of',
  })
  member: PaymentMemberDto;
  @ApiProperty({ type: MoneyDto, description: 'Money paid beyond what was owed, used first on their next invoice' })
  amount: MoneyDto;
}

export class MyBalanceDto {
  @ApiProperty({
    type: MemberCreditDto,
    isArray: true,
    description: 'One entry per member and currency with credit; empty when there is none',
  })
  credit: MemberCreditDto[];
}
