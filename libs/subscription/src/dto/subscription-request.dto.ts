import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LocalDateField, PageQueryDto, Trim } from '@tessera/core';
import { SUBSCRIPTION_STATES, type SubscriptionState } from '../subscription-state';

export class CreateSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  planId: string;

  @ApiPropertyOptional({ format: 'date', description: "Local date; today in the organisation's time zone if left out" })
  @IsOptional()
  @LocalDateField()
  startDate?: string;
}

export class EndSubscriptionDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Moved abroad.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;

  @ApiProperty({
    format: 'date',
    description: 'The last day of membership (local date); ignored when cancelling a pending one',
  })
  @LocalDateField()
  effectiveDate: string;
}

export class ListSubscriptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SUBSCRIPTION_STATES,
    enumName: 'SubscriptionState',
    description: 'Only subscriptions in this state',
  })
  @IsOptional()
  @IsIn(SUBSCRIPTION_STATES)
  state?: SubscriptionState;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this member's subscriptions" })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only subscriptions on this plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;
}
