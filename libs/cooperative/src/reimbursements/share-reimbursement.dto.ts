import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LocalDateField, PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { REIMBURSEMENT_STATES, type ReimbursementState } from '../share-operation-state';

export class ShareReimbursementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  operationId: string;
  @ApiProperty({ example: 'SOP-2026-000001' })
  operationReference: string;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  holderName: string;
  @ApiProperty({ example: 'C-000001', nullable: true, type: String })
  cooperatorNumber: string | null;
  @ApiProperty({ example: 'B' })
  shareClassCode: string;
  @ApiProperty({ example: 2 })
  quantity: number;
  @ApiProperty({ type: MoneyDto, description: 'The paid-up value of the shares redeemed' })
  amount: MoneyDto;
  @ApiProperty({ nullable: true, type: String, description: 'Where to pay: the IBAN of their latest subscription' })
  iban: string | null;
  @ApiProperty({ enum: REIMBURSEMENT_STATES, enumName: 'ShareReimbursementState' })
  state: ReimbursementState;
  @ApiProperty({ format: 'date', description: 'Not payable before (the statutory waiting period after redemption)' })
  payableFrom: string;
  @ApiProperty({ format: 'date', nullable: true, type: String })
  paidOn: string | null;
  @ApiProperty({ nullable: true, type: String })
  paidByName: string | null;
  @ApiProperty({ nullable: true, type: String })
  paymentNote: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class ShareReimbursementPageDto extends PageResponseDto(ShareReimbursementDto) {}

export class ListShareReimbursementsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: REIMBURSEMENT_STATES,
    enumName: 'ShareReimbursementState',
    description: 'Only due or only paid reimbursements',
  })
  @IsOptional()
  @IsIn(REIMBURSEMENT_STATES)
  state?: ReimbursementState;
}

export class PayShareReimbursementDto {
  @ApiProperty({ format: 'date', description: 'The day it was paid; not before it is payable' })
  @LocalDateField()
  paidOn: string;

  @ApiPropertyOptional({ example: 'Transfer from the main account', maxLength: 500 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  note?: string;
}
