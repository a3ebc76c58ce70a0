import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OptionalNotNull, OptionalNullable, PageQueryDto, PageResponseDto, Trim, type Role } from '@tessera/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  APPROVAL_POLICIES,
  APPROVER_ROLES,
  SUBJECT_TYPES,
  type ApprovalPolicy,
  type ApprovalSubjectType,
} from '../approval.types';
import type { ApprovalFlow } from '../entities/approval-flow.entity';

export const MAX_LEVELS = 10;
export const MAX_LEVEL_APPROVERS = 50;

export class FlowLevelDto {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'Board review' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    required: false,
    maxItems: MAX_LEVEL_APPROVERS,
    description:
      'Named approvers: active staff users ([] if left out). With approverRole, both are asked (deduplicated).',
  })
  @IsArray()
  @ArrayMaxSize(MAX_LEVEL_APPROVERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  approverUserIds: string[] = [];

  @ApiProperty({
    enum: APPROVER_ROLES,
    enumName: 'ApproverRole',
    nullable: true,
    required: false,
    description: 'Every active user with this role is asked when the level opens',
  })
  @OptionalNullable()
  @IsIn(APPROVER_ROLES)
  approverRole: Role | null = null;

  @ApiProperty({
    enum: APPROVAL_POLICIES,
    enumName: 'ApprovalPolicy',
    description: '`any`: the first approval completes the level; `all`: every approver must approve',
  })
  @IsIn(APPROVAL_POLICIES)
  policy: ApprovalPolicy;

  @ApiProperty({ minimum: 1, maximum: 365, example: 7, description: 'Days from the level opening to its due date' })
  @IsInt()
  @Min(1)
  @Max(365)
  dueInDays: number;
}

export class CreateApprovalFlowDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Board approval' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SUBJECT_TYPES, enumName: 'ApprovalSubjectType' })
  @IsIn(SUBJECT_TYPES)
  subjectType: ApprovalSubjectType;

  @ApiProperty({
    type: FlowLevelDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_LEVELS,
    description: 'In order; each needs at least one approver user or a role',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LEVELS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FlowLevelDto)
  levels: FlowLevelDto[];

  @ApiPropertyOptional({
    description:
      'Make it the default flow of its subject type (the previous default stops being one). false if left out.',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateApprovalFlowDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    type: FlowLevelDto,
    isArray: true,
    minItems: 1,
    maxItems: MAX_LEVELS,
    description: 'Replaces all levels. Requests already open keep the levels they opened with.',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LEVELS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => FlowLevelDto)
  levels?: FlowLevelDto[];

  @ApiPropertyOptional({
    enum: [true],
    description: 'true makes this the default of its subject type. A default cannot be unset, only replaced.',
  })
  @OptionalNotNull()
  @IsIn([true], { message: 'can only be true: make another flow the default instead' })
  isDefault?: true;
}

export class ApprovalFlowQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SUBJECT_TYPES,
    enumName: 'ApprovalSubjectType',
    description: 'Only flows for this kind of subject',
  })
  @IsOptional()
  @IsIn(SUBJECT_TYPES)
  subjectType?: ApprovalSubjectType;
}

export class ApprovalFlowDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Default application approval' })
  name: string;
  @ApiProperty({ enum: SUBJECT_TYPES, enumName: 'ApprovalSubjectType' })
  subjectType: ApprovalSubjectType;
  @ApiProperty({ description: 'Used when the owning domain names no flow; exactly one per subject type' })
  isDefault: boolean;
  @ApiProperty({ type: FlowLevelDto, isArray: true })
  levels: FlowLevelDto[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  static from(flow: ApprovalFlow): ApprovalFlowDto {
    return {
      id: flow.id,
      name: flow.name,
      subjectType: flow.subjectType,
      isDefault: flow.isDefault,
      levels: flow.levels.map((level) => ({ ...level })),
      createdAt: flow.createdAt.toISOString(),
      updatedAt: flow.updatedAt.toISOString(),
    };
  }
}

export class ApprovalFlowPageDto extends PageResponseDto(ApprovalFlowDto) {}
