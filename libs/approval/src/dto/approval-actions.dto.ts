import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, Trim } from '@tessera/core';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from '../approval-state';
import { SUBJECT_TYPES, type ApprovalSubjectType } from '../approval.types';

/** The level the caller saw, so a decision never lands on a level they did not see. */
class DecisionDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: 'The level number the caller is deciding; 409 if the request has moved on since',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  level?: number;
}

export class ApproveDto extends DecisionDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'Documents checked.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class RefuseDto extends DecisionDto {
  @ApiProperty({ minLength: 3, maxLength: 2000, example: 'The licence number could not be verified.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ReassignDto {
  @ApiProperty({ format: 'uuid', description: 'An active staff user not already assigned on the level' })
  @IsUUID()
  toUserId: string;

  @ApiPropertyOptional({ maxLength: 2000, example: 'I am on leave until the 20th.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CancelApprovalDto {
  @ApiProperty({ minLength: 3, maxLength: 2000, example: 'The applicant withdrew.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ListApprovalsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['me'],
    description: '`me`: requests on which the caller is (or was) an approver, those awaiting them first',
  })
  @IsOptional()
  @IsIn(['me'])
  assignee?: 'me';

  @ApiPropertyOptional({
    enum: REQUEST_STATUSES,
    enumName: 'ApprovalRequestStatus',
    description: 'Only requests in this state',
  })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({
    enum: SUBJECT_TYPES,
    enumName: 'ApprovalSubjectType',
    description: 'Only requests about this kind of subject',
  })
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: ApprovalSubjectType;

  @ApiPropertyOptional({ format: 'uuid', description: 'The subject’s id, e.g. to find the request of an application' })
  @IsOptional()
  @IsUUID()
  subjectId?: string;
}
