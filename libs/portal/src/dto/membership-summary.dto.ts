import { ApiProperty } from '@nestjs/swagger';
import { BillingDocumentSummaryDto } from '@tessera/billing';
import { MEMBER_KINDS, MEMBER_STATUSES, MemberPlanDto, type MemberKind, type MemberStatus } from '@tessera/members';
import { MoneyDto } from '@tessera/plans';
import { SubscriptionSummaryDto } from '@tessera/subscription';

export class SummaryMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'M-000042' })
  number: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ enum: MEMBER_KINDS, enumName: 'MemberKind' })
  kind: MemberKind;
}

export class SummaryCardDto {
  @ApiProperty({ description: 'Whether the membership card verifies today (GET /me/card)' })
  valid: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31', description: 'Local date; null when not valid' })
  validUntil: string | null;
}

/** The portal's home: where the member's membership stands and what they owe, in one read. */
export class MembershipSummaryDto {
  @ApiProperty({ type: SummaryMemberDto })
  member: SummaryMemberDto;
  @ApiProperty({ enum: MEMBER_STATUSES, enumName: 'MemberStatus' })
  status: MemberStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Invoice INV-2026-000001 paid',
    description: 'Why the status is what it is: the reason recorded with its latest change',
  })
  statusReason: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'paid',
    description:
      'The status engine’s code for that reason (null for changes it did not decide), worded with statusReasonParams',
  })
  statusReasonCode: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, example: { document: 'INV-2027-000031' } })
  statusReasonParams: Record<string, unknown> | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the status last changed' })
  statusSince: string | null;
  @ApiProperty({ type: MemberPlanDto, description: "The subscription's plan, else the member's" })
  plan: MemberPlanDto;
  @ApiProperty({
    type: SubscriptionSummaryDto,
    nullable: true,
    description: 'The live subscription (else the latest): current period, next renewal, end',
  })
  subscription: SubscriptionSummaryDto | null;
  @ApiProperty({
    type: MoneyDto,
    isArray: true,
    description: 'What is due on open invoices and pro-formas, one total per currency; empty when nothing is',
  })
  amountDue: MoneyDto[];
  @ApiProperty({ description: 'How many open invoices and pro-formas make up amountDue' })
  documentsDue: number;
  @ApiProperty({
    type: BillingDocumentSummaryDto,
    nullable: true,
    description: 'The document to pay first (the earliest due): what the Pay button pays',
  })
  payNext: BillingDocumentSummaryDto | null;
  @ApiProperty({ description: 'Whether documents can be paid online (POST /me/invoices/{id}/checkout)' })
  onlinePayment: boolean;
  @ApiProperty({ type: SummaryCardDto })
  card: SummaryCardDto;
}
