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
import { calendarAnchorOf } from '../plan-billing';
import {
  APPLICANT_KINDS,
  BILLING_ANCHORS,
  DEFAULT_LAPSE_DAYS,
  DEFAULT_RENEWAL_LEAD_DAYS,
  MAX_LAPSE_DAYS,
  MAX_REQUIRED_DOCUMENTS,
  MAX_TAX_RATE_BPS,
  PERIOD_UNITS,
  type ApplicantKind,
  type BillingAnchor,
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

export class CalendarAnchorDto {
  @ApiProperty({ example: 1, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  month: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: 28, description: 'Up to 28, so every month has the day' })
  @IsInt()
  @Min(1)
  @Max(28)
  day: number;
}

const TAX_RATE_DOC = {
  minimum: 0,
  maximum: MAX_TAX_RATE_BPS,
  example: 2100,
  description: 'Tax rate in basis points: 2100 = 21 %, 0 for none',
};
const BILLING_ANCHOR_DOC = {
  enum: BILLING_ANCHORS,
  enumName: 'BillingAnchor',
  example: 'join-date',
  description:
    '`join-date`: periods run from the day the membership starts. `calendar`: every membership renews on a fixed cycle from calendarAnchor (each year), e.g. yearly on 1 January; its period must divide a year (1, 2, 3, 4, 6 or 12 months, or 1 year)',
};
const CALENDAR_ANCHOR_DOC = {
  type: CalendarAnchorDto,
  nullable: true,
  description:
    'Calendar plans: the cycle’s anchor date in each year (quarterly from 1 January renews on 1 April, 1 July, 1 October). Required for calendar plans, null for join-date plans',
};
const PRORATE_DOC = {
  description:
    'Calendar plans only: the first, partial period (joining mid-cycle) is charged by days rather than in full',
};
const RENEWAL_LEAD_DOC = {
  minimum: 0,
  maximum: 365,
  example: DEFAULT_RENEWAL_LEAD_DAYS,
  description: 'Days before a period ends that its renewal pro-forma is issued',
};

const LAPSE_DAYS_DOC = {
  minimum: 0,
  maximum: MAX_LAPSE_DAYS,
  example: DEFAULT_LAPSE_DAYS,
  description:
    'Days a member may stay suspended (grace over, renewal unpaid) before they become an ex-member and their subscription ends',
};

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
  @ApiProperty(LAPSE_DAYS_DOC)
  lapseDays: number;
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
  @ApiProperty(TAX_RATE_DOC)
  taxRateBps: number;
  @ApiProperty(BILLING_ANCHOR_DOC)
  billingAnchor: BillingAnchor;
  @ApiProperty(CALENDAR_ANCHOR_DOC)
  calendarAnchor: CalendarAnchorDto | null;
  @ApiProperty(PRORATE_DOC)
  prorateFirstPeriod: boolean;
  @ApiProperty(RENEWAL_LEAD_DOC)
  renewalLeadDays: number;
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
      lapseDays: plan.lapseDays,
      active: plan.active,
      approvalFlowId: plan.approvalFlowId,
      documentsRequired: plan.documentsRequired,
      documentsHint: plan.documentsHint,
      taxRateBps: plan.taxRateBps,
      billingAnchor: plan.billingAnchor,
      calendarAnchor: calendarAnchorOf(plan),
      prorateFirstPeriod: plan.prorateFirstPeriod,
      renewalLeadDays: plan.renewalLeadDays,
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

  @ApiPropertyOptional({
    ...LAPSE_DAYS_DOC,
    description: `${LAPSE_DAYS_DOC.description}; default ${DEFAULT_LAPSE_DAYS}`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LAPSE_DAYS)
  lapseDays?: number;

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

  @ApiPropertyOptional({ ...TAX_RATE_DOC, description: `${TAX_RATE_DOC.description}; default 0` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TAX_RATE_BPS)
  taxRateBps?: number;

  @ApiPropertyOptional({ ...BILLING_ANCHOR_DOC, description: `${BILLING_ANCHOR_DOC.description}. Default join-date` })
  @IsOptional()
  @IsIn(BILLING_ANCHORS)
  billingAnchor?: BillingAnchor;

  @ApiPropertyOptional(CALENDAR_ANCHOR_DOC)
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => CalendarAnchorDto)
  calendarAnchor?: CalendarAnchorDto | null;

  @ApiPropertyOptional({ description: `${PRORATE_DOC.description}. Default false` })
  @IsOptional()
  @IsBoolean()
  prorateFirstPeriod?: boolean;

  @ApiPropertyOptional({ ...RENEWAL_LEAD_DOC, description: `${RENEWAL_LEAD_DOC.description}; default 30` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  renewalLeadDays?: number;

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

  @ApiPropertyOptional(LAPSE_DAYS_DOC)
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_LAPSE_DAYS)
  lapseDays?: number;

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

  @ApiPropertyOptional(TAX_RATE_DOC)
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(MAX_TAX_RATE_BPS)
  taxRateBps?: number;

  @ApiPropertyOptional({
    ...BILLING_ANCHOR_DOC,
    description: `${BILLING_ANCHOR_DOC.description}. Changing to join-date clears calendarAnchor and prorateFirstPeriod`,
  })
  @OptionalNotNull()
  @IsIn(BILLING_ANCHORS)
  billingAnchor?: BillingAnchor;

  @ApiPropertyOptional(CALENDAR_ANCHOR_DOC)
  @OptionalNullable()
  @IsObject()
  @ValidateNested()
  @Type(() => CalendarAnchorDto)
  calendarAnchor?: CalendarAnchorDto | null;

  @ApiPropertyOptional(PRORATE_DOC)
  @OptionalNotNull()
  @IsBoolean()
  prorateFirstPeriod?: boolean;

  @ApiPropertyOptional(RENEWAL_LEAD_DOC)
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  renewalLeadDays?: number;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  sortOrder?: number;
}
