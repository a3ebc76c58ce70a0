import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LocalDateField, PageResponseDto } from '@tessera/core';
import { SubscriptionPeriodDto } from './subscription-response.dto';

export class StartRenewalRunDto {
  @ApiPropertyOptional({
    format: 'date',
    description: "As of this local date; today in the organisation's time zone if left out",
  })
  @IsOptional()
  @LocalDateField()
  asOf?: string;
}

export class RenewalPreviewQueryDto extends StartRenewalRunDto {}

export class CurrencyAmountDto {
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ description: 'Gross, minor units' })
  gross: number;
  @ApiProperty({ description: 'Documents' })
  count: number;
}

export class RenewalRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: '2026-12-06' })
  asOf: string;
  @ApiProperty({ enum: ['schedule', 'staff'] })
  trigger: 'schedule' | 'staff';
  @ApiProperty({ nullable: true, type: String })
  startedByName: string | null;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] })
  state: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty({ description: 'Subscriptions found due so far' })
  examined: number;
  @ApiProperty({ description: 'Pro-formas issued by this run' })
  issued: number;
  @ApiProperty({ type: CurrencyAmountDto, isArray: true })
  totals: CurrencyAmountDto[];
  @ApiProperty({ description: 'Attempts that failed (the run carries on where it stopped when retried)' })
  failures: number;
  @ApiProperty({ nullable: true, type: String })
  error: string | null;
  @ApiProperty()
  createdAt: string;
  @ApiProperty({ nullable: true, type: String })
  startedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  finishedAt: string | null;
}

export class RenewalRunPageDto extends PageResponseDto(RenewalRunDto) {}

export class RenewalPreviewPlanDto {
  @ApiProperty({ format: 'uuid' })
  planId: string;
  @ApiProperty()
  planName: string;
  @ApiProperty({ description: 'Subscriptions due' })
  count: number;
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ description: 'Gross of their pro-formas at the plan’s current price, minor units' })
  gross: number;
}

export class RenewalPreviewDto {
  @ApiProperty({ example: '2026-12-06' })
  asOf: string;
  @ApiProperty({ description: 'Subscriptions a run would renew' })
  due: number;
  @ApiProperty({ type: RenewalPreviewPlanDto, isArray: true })
  byPlan: RenewalPreviewPlanDto[];
  @ApiProperty({ type: CurrencyAmountDto, isArray: true })
  totals: CurrencyAmountDto[];
}

export class AdvanceProFormasDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 3, description: 'How many periods after the current one' })
  @IsInt()
  @Min(1)
  @Max(5)
  periods: number;
}

export class AdvanceProFormasResultDto {
  @ApiProperty({ type: SubscriptionPeriodDto, isArray: true, description: 'The periods asked for, in order' })
  periods: SubscriptionPeriodDto[];
  @ApiProperty({ description: 'Pro-formas issued now (periods that had one keep it)' })
  issued: number;
}
