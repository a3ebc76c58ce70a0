import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LocalDateField, Nested, OptionalNotNull, PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import {
  SHARE_OPERATION_KINDS,
  SHARE_OPERATION_STATES,
  type ShareOperationKind,
  type ShareOperationState,
} from '../share-operation-state';
import { MOVEMENT_KINDS, type MovementKind } from '../share-register-arithmetic';
import { ShareReimbursementDto } from '../reimbursements/share-reimbursement.dto';
import { ShareHolderPersonDto, SUBSCRIPTION_LOCALES } from '../share-subscriptions/share-subscription.dto';

/**
 * A transfer's receiver who is not a member yet, with the details a share subscription takes of a
 * person: on approval they are matched by e-mail (a member or representative already) or made.
 */
export class ShareReceiverPersonDto extends ShareHolderPersonDto {
  @ApiPropertyOptional({
    enum: SUBSCRIPTION_LOCALES,
    description: 'Language of e-mails to the person, if new: English when left out',
  })
  @OptionalNotNull()
  @IsIn(SUBSCRIPTION_LOCALES)
  locale?: 'en' | 'fr';
}

/** A redemption, transfer or conversion asked for by staff or by the holder (from the portal). */
export class CreateShareOperationDto {
  @ApiProperty({ enum: SHARE_OPERATION_KINDS, enumName: 'ShareOperationKind' })
  @IsIn(SHARE_OPERATION_KINDS)
  kind: ShareOperationKind;

  @ApiProperty({ format: 'uuid', description: 'The holder: the member (a person or an organisation) giving up shares' })
  @IsUUID('all')
  holderId: string;

  @ApiProperty({ format: 'uuid', description: 'The class of the shares given up' })
  @IsUUID('all')
  shareClassId: string;

  @ApiProperty({ example: 2, minimum: 1, description: 'How many shares of that class; the highest numbers go first' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Transfer only: the receiving member, who must be eligible. Or toPerson, not both',
  })
  @IsOptional()
  @IsUUID('all')
  toHolderId?: string;

  @ApiPropertyOptional({
    type: ShareReceiverPersonDto,
    description:
      'Staff, transfer only: the receiving person when not a member yet (instead of toHolderId). Matched by ' +
      'e-mail or made on approval, then held to the eligibility rules of the class',
  })
  @OptionalNotNull()
  @Nested(() => ShareReceiverPersonDto)
  toPerson?: ShareReceiverPersonDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'Conversion only: the class the shares become' })
  @IsOptional()
  @IsUUID('all')
  toShareClassId?: string;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Date of effect in the register (e.g. the end of the financial year): by default the day it is approved. ' +
      'Not before the latest movement of the holdings concerned.',
  })
  @IsOptional()
  @LocalDateField()
  effectiveOn?: string;

  @ApiPropertyOptional({ example: 'Moving abroad', maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class ListShareOperationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SHARE_OPERATION_STATES,
    enumName: 'ShareOperationState',
    description: 'Only this state',
  })
  @IsOptional()
  @IsIn(SHARE_OPERATION_STATES)
  state?: ShareOperationState;

  @ApiPropertyOptional({ enum: SHARE_OPERATION_KINDS, enumName: 'ShareOperationKind', description: 'Only this kind' })
  @IsOptional()
  @IsIn(SHARE_OPERATION_KINDS)
  kind?: ShareOperationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only operations giving up or receiving shares of this member' })
  @IsOptional()
  @IsUUID('all')
  memberId?: string;
}

export class OperationPartyDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: 'M-000012' })
  memberNumber: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Null until they hold shares' })
  cooperatorId: string | null;
  @ApiProperty({ example: 'C-000001', nullable: true, type: String })
  cooperatorNumber: string | null;
}

export class OperationClassDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'B' })
  code: string;
  @ApiProperty({ example: 'Supporter shares' })
  name: string;
}

export class OperationMovementDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: MOVEMENT_KINDS, enumName: 'ShareMovementKind' })
  kind: MovementKind;
  @ApiProperty({ format: 'uuid' })
  cooperatorId: string;
  @ApiProperty({ example: 'B' })
  shareClassCode: string;
  @ApiProperty({ example: 2 })
  quantity: number;
  @ApiProperty({ example: 3 })
  firstNumber: number;
  @ApiProperty({ example: 4 })
  lastNumber: number;
  @ApiProperty({ format: 'date' })
  effectiveOn: string;
}

export class OperationNewPersonDto {
  @ApiProperty({ example: 'Ada' })
  firstName: string;
  @ApiProperty({ example: 'Lovelace' })
  lastName: string;
  @ApiProperty({ example: 'ada@example.org' })
  email: string;
}

export class ShareOperationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SOP-2026-000001' })
  reference: string;
  @ApiProperty({ enum: SHARE_OPERATION_KINDS, enumName: 'ShareOperationKind' })
  kind: ShareOperationKind;
  @ApiProperty({ enum: SHARE_OPERATION_STATES, enumName: 'ShareOperationState' })
  state: ShareOperationState;
  @ApiProperty({ type: OperationPartyDto, description: 'Who gives up the shares' })
  holder: OperationPartyDto;
  @ApiProperty({ type: OperationClassDto })
  shareClass: OperationClassDto;
  @ApiProperty({ example: 2 })
  quantity: number;
  @ApiProperty({ type: MoneyDto, description: 'Nominal value of one share of the class when asked' })
  unitPrice: MoneyDto;
  @ApiProperty({ type: OperationPartyDto, nullable: true, description: 'Transfer: who receives the shares' })
  toHolder: OperationPartyDto | null;
  @ApiProperty({
    type: OperationNewPersonDto,
    nullable: true,
    description: 'Transfer to a person not a member when asked: who they are (toHolder once approved)',
  })
  toPerson: OperationNewPersonDto | null;
  @ApiProperty({ type: OperationClassDto, nullable: true, description: 'Conversion: the class the shares become' })
  toShareClass: OperationClassDto | null;
  @ApiProperty({ example: 20, nullable: true, type: Number, description: 'Conversion: shares of the new class' })
  toQuantity: number | null;
  @ApiProperty({
    type: MoneyDto,
    nullable: true,
    description: 'Conversion: value given up less value received (positive: owed to the holder)',
  })
  valueDifference: MoneyDto | null;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
  @ApiProperty({ enum: ['staff', 'holder'], description: 'Entered by staff or asked for by the holder' })
  requestedVia: 'staff' | 'holder';
  @ApiProperty({ example: 'Olga Officer' })
  requestedByName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  approvalRequestId: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The approver's comment or the reason" })
  decisionNote: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The date of effect asked for, if any' })
  requestedEffectiveOn: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'Date of effect in the register' })
  effectiveOn: string | null;
  @ApiProperty({ type: OperationMovementDto, isArray: true, description: 'Its rows in the register, once executed' })
  movements: OperationMovementDto[];
  @ApiProperty({ type: ShareReimbursementDto, nullable: true, description: 'Redemption: what finance pays back' })
  reimbursement: ShareReimbursementDto | null;
}

export class ShareOperationPageDto extends PageResponseDto(ShareOperationDto) {}
