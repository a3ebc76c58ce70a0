import { ApiProperty } from '@nestjs/swagger';
import { MoneyDto } from '@tessera/plans';
import { SHARE_SUBSCRIPTION_STATES, type ShareSubscriptionState } from '../share-subscription-state';
import type { ShareHolderKind } from '../share-subscriptions/share-subscription.dto';

export class MyShareClassDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'B' })
  code: string;
  @ApiProperty({ example: 'Supporter shares' })
  name: string;
}

export class MyHoldingDto {
  @ApiProperty({ type: MyShareClassDto })
  shareClass: MyShareClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ example: '1–4, 9–10', description: 'The share numbers held, blocks in ascending order' })
  shareNumbers: string;
  @ApiProperty({ type: MoneyDto, description: 'Paid-up capital' })
  capital: MoneyDto;
}

export class MyShareCertificateDto {
  @ApiProperty({ format: 'uuid', description: 'GET /me/shares/certificates/{id}/pdf' })
  id: string;
  @ApiProperty({ type: MyShareClassDto })
  shareClass: MyShareClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ example: '1–4' })
  shareNumbers: string;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Date of effect' })
  date: string;
}

export class MyCapitalReleaseDto {
  @ApiProperty({
    format: 'uuid',
    description: 'A billing document: pay it as an invoice (POST /me/invoices/{id}/checkout)',
  })
  id: string;
  @ApiProperty({ example: 'CRR-2026-000001' })
  number: string;
  @ApiProperty({ example: 'open', description: 'open, partially-paid, paid or void' })
  state: string;
  @ApiProperty({ type: MoneyDto })
  amount: MoneyDto;
  @ApiProperty({ type: MoneyDto })
  amountDue: MoneyDto;
  @ApiProperty({ type: String, nullable: true, example: 'RF18000000000539007547034' })
  paymentReference: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dueDate: string | null;
}

export class MyShareRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SHR-2026-000001' })
  reference: string;
  @ApiProperty({ enum: SHARE_SUBSCRIPTION_STATES, enumName: 'ShareSubscriptionState' })
  state: ShareSubscriptionState;
  @ApiProperty({ type: MyShareClassDto })
  shareClass: MyShareClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  amount: MoneyDto;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** One holder the signed-in person is or represents, and what it holds. */
export class MyShareHolderDto {
  @ApiProperty({ format: 'uuid', description: 'The member record; `holderId` of POST /me/share-subscriptions' })
  memberId: string;
  @ApiProperty({ enum: ['person', 'organisation'] })
  kind: ShareHolderKind;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ type: String, nullable: true, example: 'C-000001', description: 'Once the first shares are paid' })
  cooperatorNumber: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['candidate', 'effective', 'former'],
    description: 'null: never asked for shares; former: sold back or transferred every share',
  })
  cooperatorState: 'candidate' | 'effective' | 'former' | null;
  @ApiProperty({
    description:
      'Whether they act for this holder (their own, or they are the organisation’s contact): may pay its capital ' +
      'release requests and ask for operations. Another representative of the organisation only sees its shares.',
  })
  actsFor: boolean;
  @ApiProperty({ type: MyHoldingDto, isArray: true })
  holdings: MyHoldingDto[];
  @ApiProperty({ type: MyShareCertificateDto, isArray: true, description: 'Newest first' })
  certificates: MyShareCertificateDto[];
  @ApiProperty({ type: MyCapitalReleaseDto, isArray: true, description: 'Newest first; those open are to pay' })
  capitalReleaseRequests: MyCapitalReleaseDto[];
  @ApiProperty({ type: MyShareRequestDto, isArray: true, description: 'Requests under review or awaiting payment' })
  requests: MyShareRequestDto[];
}

export class MySharesDto {
  @ApiProperty({ type: MyShareHolderDto, nullable: true, description: 'Their own shares (null: no member record)' })
  own: MyShareHolderDto | null;
  @ApiProperty({ type: MyShareHolderDto, isArray: true, description: 'Each organisation they represent, apart' })
  organisations: MyShareHolderDto[];
  @ApiProperty({ description: 'Whether capital release requests can be paid online (Stripe); else by transfer' })
  onlinePayment: boolean;
}
