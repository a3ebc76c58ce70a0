import { ApiProperty } from '@nestjs/swagger';
import { PageResponseDto } from '@tessera/core';
import { PLAN_CHANGE_EFFECTS, type PlanChangeEffect } from '@tessera/subscription';
import {
  MEMBER_REQUEST_KINDS,
  MEMBER_REQUEST_STATES,
  type MemberRequestKind,
  type MemberRequestState,
} from '../member-request-state';
import { TERMINATION_REASONS } from '../termination-reasons';

/** Money in minor units; may be negative where it is a difference. */
export class RequestMoneyDto {
  @ApiProperty({ example: 4000, description: 'Integer minor units (cents)' })
  amount: number;
  @ApiProperty({ example: 'EUR' })
  currency: string;
}

export class RequestPlanDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'Supporting membership' })
  name: string;
}

export class RequestPeriodDto {
  @ApiProperty({ example: '2026-01-01' })
  start: string;
  @ApiProperty({ example: '2026-12-31', description: 'Inclusive' })
  end: string;
}

export class RequestInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'INV-2026-000042' })
  number: string;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross' })
  amount: RequestMoneyDto;
}

export class MemberRequestOutcomeDto {
  @ApiProperty({ type: String, nullable: true, description: 'Upgrade: the first day on the new plan' })
  effectiveOn: string | null;
  @ApiProperty({ type: RequestInvoiceDto, nullable: true, description: 'Upgrade "now": the pro-rata invoice' })
  invoice: RequestInvoiceDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Termination: the last day of membership' })
  endsOn: string | null;
  @ApiProperty({ description: 'Open pro-formas of later periods cancelled' })
  proFormasCancelled: number;
  @ApiProperty({ description: 'Of those, issued again on the new plan' })
  proFormasReissued: number;
}

export class MemberRequestStepDto {
  @ApiProperty({ enum: MEMBER_REQUEST_STATES, enumName: 'MemberRequestState' })
  state: MemberRequestState;
  @ApiProperty()
  at: string;
  @ApiProperty({ example: 'Olga Officer' })
  by: string;
  @ApiProperty({ type: String, nullable: true, description: "A refusal's or cancellation's reason" })
  note: string | null;
}

/** A request as its member sees it. */
export class MemberRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'REQ-2026-000042' })
  reference: string;
  @ApiProperty({ enum: MEMBER_REQUEST_KINDS, enumName: 'MemberRequestKind' })
  kind: MemberRequestKind;
  @ApiProperty({ enum: MEMBER_REQUEST_STATES, enumName: 'MemberRequestState' })
  state: MemberRequestState;
  @ApiProperty({ type: RequestPlanDto, description: 'The plan when the request was made' })
  fromPlan: RequestPlanDto;
  @ApiProperty({ type: RequestPlanDto, nullable: true, description: 'Upgrade: the plan asked for' })
  toPlan: RequestPlanDto | null;
  @ApiProperty({ enum: PLAN_CHANGE_EFFECTS, enumName: 'PlanChangeEffect', nullable: true })
  effective: PlanChangeEffect | null;
  @ApiProperty({ type: String, nullable: true })
  note: string | null;
  @ApiProperty({ enum: TERMINATION_REASONS, enumName: 'TerminationReason', nullable: true })
  reason: string | null;
  @ApiProperty({ type: String, nullable: true })
  details: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Termination: the last day asked for; null = period end' })
  endsOn: string | null;
  @ApiProperty({ description: 'Made by staff on the member’s behalf' })
  onBehalf: boolean;
  @ApiProperty()
  createdAt: string;
  @ApiProperty({ type: String, nullable: true })
  decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who approved, refused, withdrew or cancelled it' })
  decidedByName: string | null;
  @ApiProperty({ type: String, nullable: true })
  decisionNote: string | null;
  @ApiProperty({ type: MemberRequestOutcomeDto, nullable: true, description: 'What an approval did' })
  outcome: MemberRequestOutcomeDto | null;
  @ApiProperty({ type: MemberRequestStepDto, isArray: true, description: 'Oldest first' })
  history: MemberRequestStepDto[];
  @ApiProperty({ description: 'Whether the member may still withdraw it' })
  canWithdraw: boolean;
}

export class MemberRequestListDto {
  @ApiProperty({ type: MemberRequestDto, isArray: true, description: 'Newest first' })
  items: MemberRequestDto[];
}

export class RequestMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
  @ApiProperty()
  name: string;
  @ApiProperty({ example: 'member' })
  status: string;
}

export class PriceEffectDto {
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period on the current plan' })
  from: RequestMoneyDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period on the new plan' })
  to: RequestMoneyDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'to − from (negative: cheaper)' })
  difference: RequestMoneyDto;
}

/** A request as staff see it: with the member's status, plan, balance and the price effect. */
export class MemberRequestStaffDto extends MemberRequestDto {
  @ApiProperty({ type: RequestMemberDto })
  member: RequestMemberDto;
  @ApiProperty({ type: RequestPlanDto, description: "The member's plan now" })
  currentPlan: RequestPlanDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'What the member owes less their credit (negative: in credit)' })
  balance: RequestMoneyDto;
  @ApiProperty({ type: PriceEffectDto, nullable: true, description: 'Upgrades only' })
  priceEffect: PriceEffectDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  approvalRequestId: string | null;
}

export class MemberRequestPageDto extends PageResponseDto(MemberRequestStaffDto) {}

/** A plan the member may move to, with what it costs and when the change may take effect. */
export class PlanOptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  name: string;
  @ApiProperty()
  description: string;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period' })
  price: RequestMoneyDto;
  @ApiProperty({ enum: ['higher', 'lower', 'same'], description: 'Its price against the current plan' })
  direction: 'higher' | 'lower' | 'same';
  @ApiProperty({ enum: PLAN_CHANGE_EFFECTS, enumName: 'PlanChangeEffect', isArray: true })
  effects: PlanChangeEffect[];
}

export class MyMembershipForRequestsDto {
  @ApiProperty({ format: 'uuid' })
  subscriptionId: string;
  @ApiProperty({ type: RequestPlanDto })
  plan: RequestPlanDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period' })
  price: RequestMoneyDto;
  @ApiProperty({ type: RequestPeriodDto })
  currentPeriod: RequestPeriodDto;
  @ApiProperty({ example: '2027-01-01' })
  nextRenewalDate: string;
  @ApiProperty({ type: String, nullable: true, description: 'Set once it is ending' })
  endsOn: string | null;
  @ApiProperty({ type: RequestPlanDto, nullable: true, description: 'A change "at renewal" already scheduled' })
  nextPlan: RequestPlanDto | null;
}

/** What the portal's "Change plan" and "End my membership" start from. */
export class RequestOptionsDto {
  @ApiProperty({
    type: MyMembershipForRequestsDto,
    nullable: true,
    description: 'Null when the member has no active subscription (nothing can be requested)',
  })
  membership: MyMembershipForRequestsDto | null;
  @ApiProperty({ type: PlanOptionDto, isArray: true, description: 'Plans open to their kind, on the same cycle' })
  plans: PlanOptionDto[];
  @ApiProperty({ enum: TERMINATION_REASONS, enumName: 'TerminationReason', isArray: true })
  terminationReasons: string[];
  @ApiProperty({ type: MemberRequestDto, nullable: true, description: 'Their pending upgrade, if any' })
  pendingUpgrade: MemberRequestDto | null;
  @ApiProperty({ type: MemberRequestDto, nullable: true, description: 'Their pending termination, if any' })
  pendingTermination: MemberRequestDto | null;
}

export class ProRataDto {
  @ApiProperty({ example: '2026-03-10', description: 'First day charged' })
  from: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day charged' })
  to: string;
  @ApiProperty({ example: 297 })
  days: number;
  @ApiProperty({ example: 365, description: 'Days of the full period' })
  fullDays: number;
  @ApiProperty({ type: RequestMoneyDto })
  net: RequestMoneyDto;
  @ApiProperty({ type: RequestMoneyDto })
  tax: RequestMoneyDto;
  @ApiProperty({ type: RequestMoneyDto })
  gross: RequestMoneyDto;
}

export class UpgradePreviewDto {
  @ApiProperty({ type: RequestPlanDto })
  from: RequestPlanDto;
  @ApiProperty({ type: RequestPlanDto })
  to: RequestPlanDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period now' })
  fromPrice: RequestMoneyDto;
  @ApiProperty({ type: RequestMoneyDto, description: 'Gross per period on the new plan' })
  toPrice: RequestMoneyDto;
  @ApiProperty({ enum: PLAN_CHANGE_EFFECTS, enumName: 'PlanChangeEffect' })
  effective: PlanChangeEffect;
  @ApiProperty({ description: 'The first day on the new plan (if approved today)' })
  effectiveOn: string;
  @ApiProperty({ type: RequestPeriodDto })
  currentPeriod: RequestPeriodDto;
  @ApiProperty({ description: 'The next period starts, billed on the new plan' })
  nextRenewalDate: string;
  @ApiProperty({ type: ProRataDto, nullable: true, description: '"now": the invoice for the days left' })
  proRata: ProRataDto | null;
}

export class TerminationPreviewDto {
  @ApiProperty({ description: 'The last day of membership' })
  endsOn: string;
  @ApiProperty({ type: RequestPeriodDto })
  currentPeriod: RequestPeriodDto;
}

/** What a request would do if approved today: the amounts and dates come from the server. */
export class RequestPreviewDto {
  @ApiProperty({ enum: MEMBER_REQUEST_KINDS, enumName: 'MemberRequestKind' })
  kind: MemberRequestKind;
  @ApiProperty({ type: UpgradePreviewDto, nullable: true })
  upgrade: UpgradePreviewDto | null;
  @ApiProperty({ type: TerminationPreviewDto, nullable: true })
  termination: TerminationPreviewDto | null;
}
