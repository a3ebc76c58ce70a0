import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull, OptionalNullable, Trim, UpperCase } from '@tessera/core';
import type { Plan } from '../entities/plan.entity';
import {
  APPLICANT_KINDS,
  MAX_REQUIRED_DOCUMENTS,
  PERIOD_UNITS,
  type ApplicantKind,
  type PeriodUnit,
} from '../plans.types';

export const PLAN_CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export class MoneyDto {
  @ApiProperty({ description: 'Integer minor units (cents)', example: 6000, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  amount: number;

  @ApiProperty({ description: 'ISO 4217 currency code', example: 'EUR' })
  @UpperCase()
  @IsISO4217CurrencyCode()
  currency: string;
}

export class PeriodDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 120 })
  @IsInt()
  @Min(1)
  @Max(120)
  count: number;

  @ApiProperty({ enum: PERIOD_UNITS, enumName: 'PeriodUnit', example: 'year' })
  @IsIn(PERIOD_UNITS)
  unit: PeriodUnit;
}

/** What to send with an application, or null for no hint (create and update alike). */
const DocumentsHint = () => applyDecorators(OptionalNullable(), Trim(), IsString(), MinLength(1), MaxLength(200));

export class PlanDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'individual' })
  code: string;
  @ApiProperty({ example: 'Individual membership' })
  name: string;
  @ApiProperty({ example: 'For one person.' })
  description: string;
  @ApiProperty({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind', isArray: true })
  applicantKinds: ApplicantKind[];
  @ApiProperty({ type: MoneyDto })
  price: MoneyDto;
  @ApiProperty({ type: PeriodDto })
  period: PeriodDto;
  @ApiProperty({ description: 'Days a member stays a member after the period ends unpaid', example: 30 })
  graceDays: number;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalFlowId: string | null;
  @ApiProperty({ description: 'Supporting documents an application must carry (0: none required)', example: 0 })
  documentsRequired: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What to send; the form shows it',
    example: 'Proof of enrolment',
  })
  documentsHint: string | null;
  @ApiProperty({ description: 'Lower first' })
  sortOrder: number;

  static from(plan: Plan): PlanDto {
    return {
      id: plan.id,
      code: plan.code,
      name: plan.name,
      description: plan.description,
      applicantKinds: plan.applicantKinds,
      price: { amount: plan.priceAmount, currency: plan.priceCurrency },
      period: { count: plan.periodCount, unit: plan.periodUnit },
      graceDays: plan.graceDays,
      active: plan.active,
      approvalFlowId: plan.approvalFlowId,
      documentsRequired: plan.documentsRequired,
      documentsHint: plan.documentsHint,
      sortOrder: plan.sortOrder,
    };
  }
}

export class PlanListDto {
  @ApiProperty({ type: PlanDto, isArray: true })
  items: PlanDto[];
}

export class PlanQueryDto {
  @ApiPropertyOptional({ description: 'Administrators only: include inactive plans (default false)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreatePlanDto {
  @ApiProperty({ example: 'individual', description: 'Unique slug: lower-case letters, digits and dashes' })
  @Trim()
  @IsString()
  @MaxLength(50)
  @Matches(PLAN_CODE, { message: 'must be a slug: lower-case letters, digits and single dashes' })
  code: string;

  @ApiProperty({ example: 'Individual membership' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'For one person.', description: 'Default empty' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind', isArray: true, example: ['individual'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(APPLICANT_KINDS.length)
  @ArrayUnique()
  @IsIn(APPLICANT_KINDS, { each: true })
  applicantKinds: ApplicantKind[];

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  price: MoneyDto;

  @ApiProperty({ type: PeriodDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  period: PeriodDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 365, description: 'Default 0' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays?: number;

  @ApiPropertyOptional({ description: 'Default true' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Default none' })
  @OptionalNullable()
  @IsUUID()
  approvalFlowId?: string | null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_REQUIRED_DOCUMENTS,
    description: 'Supporting documents an application must carry; default 0 (none required)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_REQUIRED_DOCUMENTS)
  documentsRequired?: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    example: 'Proof of enrolment for the current school year',
    description: 'What to send; shown beside the upload on the form',
  })
  @DocumentsHint()
  documentsHint?: string | null;

  @ApiPropertyOptional({ description: 'Lower first; default 0' })
  @IsOptional()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  sortOrder?: number;
}

/** Every field optional; sent fields replace the plan's (price and period as a whole). */
export class UpdatePlanDto {
  @ApiPropertyOptional({ example: 'individual' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(50)
  @Matches(PLAN_CODE, { message: 'must be a slug: lower-case letters, digits and single dashes' })
  code?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind', isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(APPLICANT_KINDS.length)
  @ArrayUnique()
  @IsIn(APPLICANT_KINDS, { each: true })
  applicantKinds?: ApplicantKind[];

  @ApiPropertyOptional({ type: MoneyDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => MoneyDto)
  price?: MoneyDto;

  @ApiPropertyOptional({ type: PeriodDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => PeriodDto)
  period?: PeriodDto;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  graceDays?: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null clears it' })
  @OptionalNullable()
  @IsUUID()
  approvalFlowId?: string | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_REQUIRED_DOCUMENTS })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_REQUIRED_DOCUMENTS)
  documentsRequired?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'null clears it' })
  @DocumentsHint()
  documentsHint?: string | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  sortOrder?: number;
}
