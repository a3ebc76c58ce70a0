import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, Max } from 'class-validator';
import {
  AddressDto,
  EmailAddress,
  LowerCase,
  Nested,
  OptionalNotNull,
  PageQueryDto,
  PhoneNumber,
  PageResponseDto,
  Trim,
} from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { Iban } from '@tessera/settings';
import { SHARE_SUBSCRIPTION_STATES, type ShareSubscriptionState } from '../share-subscription-state';

export const SUBSCRIPTION_LOCALES = ['en', 'fr'] as const;

/** A new holder: a person not known yet (a known one is matched by e-mail on approval). */
export class ShareHolderPersonDto {
  @ApiProperty({ example: 'Ada' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Lovelace' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'ada@example.org' })
  @LowerCase()
  @EmailAddress()
  email: string;

  @ApiPropertyOptional({ example: '+32 470 12 34 56' })
  @IsOptional()
  @PhoneNumber()
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @OptionalNotNull()
  @Nested(() => AddressDto)
  address?: AddressDto;
}

/** Staff entry of a share subscription (the public form comes later). */
export class CreateShareSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  shareClassId: string;

  @ApiProperty({ example: 4, minimum: 1, description: "Within the class's minimum and maximum per holder" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The holder when already known: a member (a person or an organisation). Exactly one of memberId and person',
  })
  @IsOptional()
  @IsUUID('all')
  memberId?: string;

  @ApiPropertyOptional({
    type: ShareHolderPersonDto,
    description: 'A new holder (a person). Exactly one of memberId and person',
  })
  @OptionalNotNull()
  @Nested(() => ShareHolderPersonDto)
  person?: ShareHolderPersonDto;

  @ApiProperty({ example: 'BE71 0961 2345 6769', description: 'Where shares redeemed are reimbursed' })
  @Iban()
  iban: string;

  @ApiPropertyOptional({
    enum: SUBSCRIPTION_LOCALES,
    default: 'en',
    description: 'Language of e-mails to a new holder',
  })
  @OptionalNotNull()
  @IsIn(SUBSCRIPTION_LOCALES)
  locale?: 'en' | 'fr';

  @ApiProperty({ example: true, description: 'The holder accepted the statutes' })
  @Equals(true, { message: 'must be true: the holder has to accept the statutes' })
  consent: boolean;
}

export class ListShareSubscriptionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: SHARE_SUBSCRIPTION_STATES,
    enumName: 'ShareSubscriptionState',
    description: 'Only subscriptions in this state',
  })
  @IsOptional()
  @IsIn(SHARE_SUBSCRIPTION_STATES)
  state?: ShareSubscriptionState;
}

export class ShareSubscriptionClassDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'B' })
  code: string;
  @ApiProperty({ example: 'Supporter shares' })
  name: string;
}

export class ShareSubscriptionHolderDto {
  @ApiProperty({ enum: ['person', 'organisation'] })
  kind: 'person' | 'organisation';
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ example: 'ada@example.org', description: 'Where its e-mails go (an organisation: its contact)' })
  email: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The member record, once known' })
  memberId: string | null;
}

export class CapitalReleaseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'CRR-2026-000001' })
  number: string;
  @ApiProperty({ example: 'open' })
  state: string;
  @ApiProperty({ type: MoneyDto })
  amount: MoneyDto;
  @ApiProperty({ type: MoneyDto })
  amountDue: MoneyDto;
  @ApiProperty({ type: String, nullable: true, example: 'RF18000000000539007547034' })
  paymentReference: string | null;
}

export class ShareSubscriptionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SHR-2026-000001' })
  reference: string;
  @ApiProperty({ enum: SHARE_SUBSCRIPTION_STATES, enumName: 'ShareSubscriptionState' })
  state: ShareSubscriptionState;
  @ApiProperty({ type: ShareSubscriptionClassDto })
  shareClass: ShareSubscriptionClassDto;
  @ApiProperty({ example: 4 })
  quantity: number;
  @ApiProperty({ type: MoneyDto })
  unitPrice: MoneyDto;
  @ApiProperty({ type: MoneyDto, description: 'quantity × unitPrice' })
  amount: MoneyDto;
  @ApiProperty({ type: ShareSubscriptionHolderDto })
  holder: ShareSubscriptionHolderDto;
  @ApiProperty({ example: 'BE71096123456769' })
  iban: string;
  @ApiProperty({ enum: SUBSCRIPTION_LOCALES })
  locale: 'en' | 'fr';
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  approvalRequestId: string | null;
  @ApiProperty({ type: CapitalReleaseSummaryDto, nullable: true })
  capitalReleaseRequest: CapitalReleaseSummaryDto | null;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String })
  decidedByName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was refused or cancelled' })
  decisionNote: string | null;
}

export class ShareSubscriptionPageDto extends PageResponseDto(ShareSubscriptionDto) {}
