import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LocalDateField, PageQueryDto, PageResponseDto, Trim } from '@tessera/core';
import { MEMBER_STATUSES, type MemberStatus } from '@tessera/members';
import { STATUS_REASON_CODES, type StatusReasonCode } from '../statuses/status-reason';

export class StatusAsOfQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    example: '2027-02-01',
    description: "As of this local date; today in the organisation's time zone if left out",
  })
  @IsOptional()
  @LocalDateField()
  asOf?: string;
}

export class StatusReasonDto {
  @ApiProperty({ enum: STATUS_REASON_CODES, enumName: 'StatusReasonCode' })
  code: StatusReasonCode;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { document: 'INV-2027-000031', paidOn: '2027-01-03', through: '2027-12-31' },
    description: 'The values the reason names (dates YYYY-MM-DD)',
  })
  params: Record<string, unknown>;
  @ApiProperty({ example: 'INV-2027-000031 paid on 3 Jan 2027', description: 'In English words' })
  text: string;
}

export class MemberStatusDto {
  @ApiProperty({ format: 'date', example: '2027-02-01' })
  asOf: string;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus', description: 'What the engine says as of that date' })
  status: MemberStatus;
  @ApiProperty({ type: StatusReasonDto })
  reason: StatusReasonDto;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus', description: 'The status recorded now' })
  current: MemberStatus;
  @ApiProperty({ description: 'An admin set the current status by hand and the engine has not taken over yet' })
  overridden: boolean;
}

export class OverrideMemberStatusDto {
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  @IsIn(MEMBER_STATUSES)
  status: MemberStatus;

  @ApiProperty({ example: 'Paid in cash at the general assembly', description: 'Why, kept in the history' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

const FORECAST_DATE_DOC = {
  format: 'date',
  example: '2027-02-01',
  description: "A local date, today or later; 30 days from the organisation's today if left out",
};

export class StatusForecastQueryDto {
  @ApiPropertyOptional(FORECAST_DATE_DOC)
  @IsOptional()
  @LocalDateField()
  asOf?: string;
}

export class StatusForecastMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional(FORECAST_DATE_DOC)
  @IsOptional()
  @LocalDateField()
  asOf?: string;
}

export class ForecastStatusCountDto {
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  status: MemberStatus;
  @ApiProperty({ description: 'Members in this status now' })
  now: number;
  @ApiProperty({ description: 'Members in this status on the date, if nothing but time happens' })
  then: number;
}

export class StatusMoveDto {
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  from: MemberStatus;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  to: MemberStatus;
  @ApiProperty()
  count: number;
}

export class StatusForecastDto {
  @ApiProperty({ format: 'date' })
  asOf: string;
  @ApiProperty({ format: 'date', description: "The organisation's today" })
  today: string;
  @ApiProperty({ type: ForecastStatusCountDto, isArray: true })
  counts: ForecastStatusCountDto[];
  @ApiProperty({ type: StatusMoveDto, isArray: true })
  moves: StatusMoveDto[];
  @ApiProperty({ description: 'Members whose status would change between today and then' })
  changing: number;
}

export class StatusForecastMemberDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  from: MemberStatus;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  to: MemberStatus;
  @ApiProperty({ description: 'In English words' })
  reason: string;
  @ApiProperty({ enum: STATUS_REASON_CODES, enumName: 'StatusReasonCode' })
  reasonCode: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  reasonParams: Record<string, unknown>;
}

export class StatusForecastMembersDto extends PageResponseDto(StatusForecastMemberDto) {
  @ApiProperty({ format: 'date' })
  asOf: string;
}

export class StatusSweepDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'date' })
  asOf: string;
  @ApiProperty({ enum: ['schedule', 'staff'] })
  trigger: 'schedule' | 'staff';
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  state: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ description: 'Members found whose status time had changed' })
  examined: number;
  @ApiProperty({ description: 'Members moved' })
  changed: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { 'in-grace': 12, suspended: 3 } })
  changes: Record<string, number>;
  @ApiProperty({ nullable: true, type: String })
  error: string | null;
  @ApiProperty()
  createdAt: string;
  @ApiProperty({ nullable: true, type: String })
  startedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  finishedAt: string | null;
}

export class StatusSweepPageDto extends PageResponseDto(StatusSweepDto) {}
