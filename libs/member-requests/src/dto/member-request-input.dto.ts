import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LocalDateField, PageQueryDto, Trim } from '@tessera/core';
import { PLAN_CHANGE_EFFECTS, type PlanChangeEffect } from '@tessera/subscription';
import {
  MEMBER_REQUEST_KINDS,
  MEMBER_REQUEST_STATES,
  type MemberRequestKind,
  type MemberRequestState,
} from '../member-request-state';
import { TERMINATION_REASONS, type TerminationReason } from '../termination-reasons';

/**
 * A member's request: `{kind: "upgrade", planId, effective, note}` or
 * `{kind: "termination", reason, details, effectiveDate}`.
 */
export class CreateMemberRequestDto {
  @ApiProperty({ enum: MEMBER_REQUEST_KINDS, enumName: 'MemberRequestKind' })
  @IsIn(MEMBER_REQUEST_KINDS)
  kind: MemberRequestKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Upgrade (required): the plan to move to' })
  @ValidateIf((dto: CreateMemberRequestDto) => dto.kind === 'upgrade' || dto.planId !== undefined)
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    enum: PLAN_CHANGE_EFFECTS,
    enumName: 'PlanChangeEffect',
    description:
      'Upgrade (required): from today (charged pro rata) or from the next renewal. A lower price: renewal only',
  })
  @ValidateIf((dto: CreateMemberRequestDto) => dto.kind === 'upgrade' || dto.effective !== undefined)
  @IsIn(PLAN_CHANGE_EFFECTS)
  effective?: PlanChangeEffect;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Upgrade: a note for staff' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({
    enum: TERMINATION_REASONS,
    enumName: 'TerminationReason',
    description: 'Termination (required): why, from the list',
  })
  @ValidateIf((dto: CreateMemberRequestDto) => dto.kind === 'termination' || dto.reason !== undefined)
  @IsIn(TERMINATION_REASONS)
  reason?: TerminationReason;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Termination: in their own words' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  details?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Termination: the last day of membership; the end of the current period when left out (or later)',
  })
  @IsOptional()
  @LocalDateField()
  effectiveDate?: string;
}

/** Staff ending a membership on the member's behalf: effective at once, no approval. */
export class TerminateOnBehalfDto {
  @ApiProperty({ enum: TERMINATION_REASONS, enumName: 'TerminationReason' })
  @IsIn(TERMINATION_REASONS)
  reason: TerminationReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  details?: string;

  @ApiPropertyOptional({ format: 'date', description: 'The last day; the end of the current period when left out' })
  @IsOptional()
  @LocalDateField()
  effectiveDate?: string;
}

export class ListMemberRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this member's requests" })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({
    enum: MEMBER_REQUEST_STATES,
    enumName: 'MemberRequestState',
    description: 'Only requests in this state',
  })
  @IsOptional()
  @IsIn(MEMBER_REQUEST_STATES)
  state?: MemberRequestState;

  @ApiPropertyOptional({
    enum: MEMBER_REQUEST_KINDS,
    enumName: 'MemberRequestKind',
    description: 'Only plan changes (`upgrade`) or terminations',
  })
  @IsOptional()
  @IsIn(MEMBER_REQUEST_KINDS)
  kind?: MemberRequestKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The request an approval request decides' })
  @IsOptional()
  @IsUUID()
  approvalRequestId?: string;
}
