import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { ShareMovementDto } from '../share-register/share-register.dto';
import { ShareOperationDto } from '../share-operations/share-operation.dto';

export const COOPERATOR_STATES = ['candidate', 'effective', 'former'] as const;
export type CooperatorState = (typeof COOPERATOR_STATES)[number];
export const COOPERATOR_KINDS = ['person', 'organisation'] as const;
export type CooperatorKind = (typeof COOPERATOR_KINDS)[number];

export class ListCooperatorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COOPERATOR_STATES, enumName: 'CooperatorState', description: 'Only this state' })
  @IsOptional()
  @IsIn(COOPERATOR_STATES)
  state?: CooperatorState;

  @ApiPropertyOptional({ enum: COOPERATOR_KINDS, enumName: 'CooperatorKind', description: 'Persons or organisations' })
  @IsOptional()
  @IsIn(COOPERATOR_KINDS)
  kind?: CooperatorKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only holders of shares of this class today' })
  @IsOptional()
  @IsUUID('all')
  shareClassId?: string;

  @ApiPropertyOptional({ description: 'Part of a name, e-mail, cooperator or member number', example: 'lovelace' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class CooperatorHoldingDto {
  @ApiProperty({ format: 'uuid' })
  shareClassId: string;
  @ApiProperty({ example: 'B' })
  shareClassCode: string;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  capital: MoneyDto;
  @ApiProperty({ example: '1–4', description: 'Share numbers held, adjacent blocks merged' })
  shareNumbers: string;
}

export class CooperatorSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'C-000001', nullable: true, type: String, description: 'Given with the first shares' })
  number: string | null;
  @ApiProperty({ enum: COOPERATOR_STATES, enumName: 'CooperatorState' })
  state: CooperatorState;
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: 'M-000012' })
  memberNumber: string;
  @ApiProperty({ enum: COOPERATOR_KINDS, enumName: 'CooperatorKind' })
  kind: CooperatorKind;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ nullable: true, type: String })
  email: string | null;
  @ApiProperty({ format: 'date-time' })
  candidateSince: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  effectiveSince: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  formerSince: string | null;
  @ApiProperty({ type: CooperatorHoldingDto, isArray: true, description: 'What they hold today, by class' })
  holdings: CooperatorHoldingDto[];
}

export class CooperatorPageDto extends PageResponseDto(CooperatorSummaryDto) {}

export class CooperatorCertificateDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  movementId: string;
  @ApiProperty({ example: 'B' })
  shareClassCode: string;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ example: '1–4' })
  shareNumbers: string;
  @ApiProperty({ format: 'date' })
  effectiveOn: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CooperatorDetailDto extends CooperatorSummaryDto {
  @ApiProperty({
    type: ShareMovementDto,
    isArray: true,
    description: 'Every row of the register about them, oldest first',
  })
  movements: ShareMovementDto[];
  @ApiProperty({ type: CooperatorCertificateDto, isArray: true })
  certificates: CooperatorCertificateDto[];
  @ApiProperty({
    type: ShareOperationDto,
    isArray: true,
    description: 'Operations giving up or receiving their shares',
  })
  operations: ShareOperationDto[];
}
