import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { LocalDateField } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { MOVEMENT_KINDS, type MovementKind } from '../share-register-arithmetic';

export class ShareRegisterQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-12-31',
    description: 'Default: today (organisation time zone)',
  })
  @IsOptional()
  @LocalDateField()
  asOf?: string;
}

export class RegisterHolderDto {
  @ApiProperty({ format: 'uuid' })
  cooperatorId: string;
  @ApiProperty({ example: 'C-000001', nullable: true, type: String })
  cooperatorNumber: string | null;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
}

export class RegisterClassDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'B' })
  code: string;
}

export class ShareMovementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({
    enum: MOVEMENT_KINDS,
    enumName: 'ShareMovementKind',
    description:
      'issue, transfer_in and conversion_in bring shares in; redemption, transfer_out and conversion_out take them out',
  })
  kind: MovementKind;
  @ApiProperty({ enum: [1, -1], description: '+1: shares in; -1: shares out (the quantity is always positive)' })
  direction: 1 | -1;
  @ApiProperty({ type: RegisterHolderDto })
  holder: RegisterHolderDto;
  @ApiProperty({ type: RegisterClassDto })
  shareClass: RegisterClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ example: 1 })
  firstNumber: number;
  @ApiProperty({ example: 4 })
  lastNumber: number;
  @ApiProperty({ type: MoneyDto })
  unitPrice: MoneyDto;
  @ApiProperty({ format: 'date' })
  effectiveOn: string;
}

export class ShareHoldingDto {
  @ApiProperty({ type: RegisterHolderDto })
  holder: RegisterHolderDto;
  @ApiProperty({ type: RegisterClassDto })
  shareClass: RegisterClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  capital: MoneyDto;
  @ApiProperty({ example: '1–4', description: 'Share numbers held, adjacent blocks merged' })
  shareNumbers: string;
}

export class ClassTotalDto {
  @ApiProperty({ type: RegisterClassDto })
  shareClass: RegisterClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  capital: MoneyDto;
}

export class ShareRegisterDto {
  @ApiProperty({ format: 'date' })
  asOf: string;
  @ApiProperty({ type: ShareMovementDto, isArray: true, description: 'Every movement effective by asOf, in order' })
  movements: ShareMovementDto[];
  @ApiProperty({ type: ShareHoldingDto, isArray: true, description: 'Derived from the movements' })
  holdings: ShareHoldingDto[];
  @ApiProperty({ type: ClassTotalDto, isArray: true, description: 'Capital per class' })
  totals: ClassTotalDto[];
}
