import { ApiProperty } from '@nestjs/swagger';
import { MEMBER_STATUSES, type MemberStatus } from '@tessera/members';
import { MoneyDto } from '@tessera/plans';

export class StatusCountDto {
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  status: MemberStatus;
  @ApiProperty({ minimum: 0 })
  count: number;
}

export class DashboardMembersDto {
  @ApiProperty({ minimum: 0 })
  total: number;
  @ApiProperty({ type: StatusCountDto, isArray: true, description: 'Every status, in the order of a membership' })
  byStatus: StatusCountDto[];
}

export class DashboardApplicationsDto {
  @ApiProperty({ minimum: 0, description: 'Submitted and not yet decided' })
  inReview: number;
  @ApiProperty({ minimum: 0, description: 'Submitted since `since` (from the start of that day, UTC)' })
  recent: number;
  @ApiProperty({ format: 'date', description: '29 days before today (UTC): the last 30 days' })
  since: string;
}

export class DashboardApprovalsDto {
  @ApiProperty({ minimum: 0, description: 'Approval requests waiting for a decision' })
  pending: number;
}

export class DashboardRenewalsDto {
  @ApiProperty({
    minimum: 0,
    description: 'Active subscriptions, not ending, whose current period ends between `from` and `to`',
  })
  due: number;
  @ApiProperty({ format: 'date' })
  from: string;
  @ApiProperty({ format: 'date' })
  to: string;
}

export class DashboardRevenueDto {
  @ApiProperty({ format: 'date', description: 'First day of this month (local)' })
  monthStart: string;
  @ApiProperty({ format: 'date', description: 'First day of this year (local)' })
  yearStart: string;
  @ApiProperty({
    type: MoneyDto,
    isArray: true,
    description: 'Received this month, per currency (reversed payments left out)',
  })
  thisMonth: MoneyDto[];
  @ApiProperty({ type: MoneyDto, isArray: true, description: 'Received this year, per currency' })
  thisYear: MoneyDto[];
}

export class DashboardAmountDueDto {
  @ApiProperty({ minimum: 0, description: 'Invoices open or partly paid' })
  invoices: number;
  @ApiProperty({ type: MoneyDto, isArray: true, description: 'What they still owe, per currency' })
  amounts: MoneyDto[];
}

export class StatusMonthDto {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' })
  month: string;
  @ApiProperty({ format: 'date', description: "The month's last day, or today for this month" })
  asOf: string;
  @ApiProperty({ type: StatusCountDto, isArray: true })
  counts: StatusCountDto[];
}

export class RevenueMonthDto {
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' })
  month: string;
  @ApiProperty({ format: 'date' })
  from: string;
  @ApiProperty({ format: 'date', description: "The month's last day, or today for this month" })
  to: string;
  @ApiProperty({ type: MoneyDto, isArray: true, description: 'Received that month, per currency' })
  amounts: MoneyDto[];
}

/** The back office's home: figures as of the organisation's today, and 12 months of history. */
export class DashboardDto {
  @ApiProperty({ format: 'date', description: "Today in the organisation's time zone" })
  asOf: string;
  @ApiProperty({ example: 'Europe/Brussels' })
  timeZone: string;
  @ApiProperty({ type: DashboardMembersDto })
  members: DashboardMembersDto;
  @ApiProperty({ type: DashboardApplicationsDto })
  applications: DashboardApplicationsDto;
  @ApiProperty({ type: DashboardApprovalsDto })
  approvals: DashboardApprovalsDto;
  @ApiProperty({ type: DashboardRenewalsDto })
  renewals: DashboardRenewalsDto;
  @ApiProperty({ type: DashboardRevenueDto })
  revenue: DashboardRevenueDto;
  @ApiProperty({ type: DashboardAmountDueDto })
  amountDue: DashboardAmountDueDto;
  @ApiProperty({
    type: StatusMonthDto,
    isArray: true,
    description: 'Members by status at the end of each of the last 12 months, oldest first, from the status history',
  })
  statusHistory: StatusMonthDto[];
  @ApiProperty({ type: RevenueMonthDto, isArray: true, description: 'Payments received in each of the last 12 months' })
  revenueByMonth: RevenueMonthDto[];
}
