import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import {
  SUBSCRIPTION_ORIGINS,
  SUBSCRIPTION_STATES,
  type SubscriptionOrigin,
  type SubscriptionState,
} from '../subscription-state';
import type { SubscriptionRow } from '../subscription.repository';
import { addDays } from '../periods';

export class SubscriptionPeriodDto {
  @ApiProperty({ example: '2026-01-01', description: 'Local date, first day' })
  start: string;
  @ApiProperty({ example: '2026-12-31', description: 'Local date, last day (inclusive)' })
  end: string;
}

export class SubscriptionEventDto {
  @ApiProperty({ enum: SUBSCRIPTION_STATES, nullable: true, type: String })
  fromState: SubscriptionState | null;
  @ApiProperty({ enum: SUBSCRIPTION_STATES })
  toState: SubscriptionState;
  @ApiProperty({ example: 'Invoice INV-2026-000001 settled' })
  reason: string;
  @ApiProperty({ nullable: true, type: String, description: 'The staff member who did it; null for the system' })
  actorName: string | null;
  @ApiProperty({ example: '2026-12-06T10:00:00.000Z' })
  occurredAt: string;
}

export class SubscriptionMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
}

export class SubscriptionPlanDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Individual membership' })
  name: string;
}

export class SubscriptionOriginDto {
  @ApiProperty({ enum: SUBSCRIPTION_ORIGINS })
  type: SubscriptionOrigin;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  id: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'APP-2026-000012' })
  reference: string | null;
}

export class SubscriptionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: SubscriptionMemberDto })
  member: SubscriptionMemberDto;
  @ApiProperty({ type: SubscriptionPlanDto })
  plan: SubscriptionPlanDto;
  @ApiProperty({
    type: SubscriptionPlanDto,
    nullable: true,
    description: 'The plan it moves to with its next period (a change "at renewal"); null when none',
  })
  nextPlan: SubscriptionPlanDto | null;
  @ApiProperty({
    enum: SUBSCRIPTION_STATES,
    description: 'pending: first invoice not settled · active · ended · cancelled (never started)',
  })
  state: SubscriptionState;
  @ApiProperty({ type: SubscriptionOriginDto })
  origin: SubscriptionOriginDto;
  @ApiProperty({ example: '2026-12-06', description: 'Local date' })
  startDate: string;
  @ApiProperty({ type: SubscriptionPeriodDto })
  currentPeriod: SubscriptionPeriodDto;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2027-12-06',
    description:
      'The day the next period starts, while the subscription is live and goes on past its current period ' +
      '(null once it ends on or before that period’s last day)',
  })
  nextRenewalDate: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The last day of membership, once ended' })
  endsOn: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it ended or was cancelled' })
  endReason: string | null;
  @ApiProperty()
  createdAt: string;

  static fromRow(row: SubscriptionRow): SubscriptionSummaryDto {
    const live = row.state === 'pending' || row.state === 'active';
    // A membership ending with its current period has no renewal ahead.
    const renews = live && (row.endsOn === null || row.endsOn > row.currentPeriodEnd);
    return {
      id: row.id,
      member: { id: row.memberId, number: row.memberNumber, name: row.memberName },
      plan: { id: row.planId, name: row.planName },
      nextPlan: row.nextPlanId ? { id: row.nextPlanId, name: row.nextPlanName ?? '' } : null,
      state: row.state,
      origin: { type: row.origin, id: row.originId, reference: row.originReference },
      startDate: row.startDate,
      currentPeriod: { start: row.currentPeriodStart, end: row.currentPeriodEnd },
      nextRenewalDate: renews ? addDays(row.currentPeriodEnd, 1) : null,
      endsOn: row.endsOn,
      endReason: row.endReason,
      createdAt: row.createdAt,
    };
  }
}

export class SubscriptionDto extends SubscriptionSummaryDto {
  @ApiProperty({ type: SubscriptionEventDto, isArray: true, description: 'Oldest first' })
  history: SubscriptionEventDto[];

  static fromDetail(row: SubscriptionRow): SubscriptionDto {
    return {
      ...SubscriptionSummaryDto.fromRow(row),
      history: (row.history ?? []).map(({ actorUserId: _id, ...event }) => event),
    };
  }
}

export class SubscriptionPageDto extends PageResponseDto(SubscriptionSummaryDto) {}

export class MySubscriptionDto {
  @ApiProperty({
    type: SubscriptionDto,
    nullable: true,
    description: 'The live subscription, else the latest one; null for none',
  })
  subscription: SubscriptionDto | null;
}
