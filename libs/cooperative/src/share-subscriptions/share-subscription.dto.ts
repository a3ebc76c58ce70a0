import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Equals,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
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
  UpperCase,
} from '@tessera/core';
import { MoneyDto } from '@tessera/plans';
import { OrganisationDto } from '@tessera/registration';
import { Iban } from '@tessera/settings';
import { HOLDER_KINDS, type HolderKind } from '../share-classes/share-class.dto';
import { SHARE_SUBSCRIPTION_STATES, type ShareSubscriptionState } from '../share-subscription-state';

export const SUBSCRIPTION_LOCALES = ['en', 'fr'] as const;
/** Who holds a share subscription's shares (the response's `holder.kind`). */
export type ShareHolderKind = 'person' | 'organisation';

/**
 * A person holding shares themselves: matched by e-mail on approval (they may be a member or an
 * organisation's representative already), else made. The public form asks for everything the
 * membership application asks of a person (phone, birth date, address, nationality); staff may
 * enter the name and e-mail only.
 */
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

  @ApiPropertyOptional({ example: '+32 470 12 34 56', description: 'Required on the public form' })
  @IsOptional()
  @PhoneNumber()
  phone?: string;

  @ApiPropertyOptional({
    example: '1990-12-10',
    format: 'date',
    description: 'In the past; age 16 to 120. Required on the public form',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  birthDate?: string;

  @ApiPropertyOptional({ type: AddressDto, description: 'Required on the public form' })
  @OptionalNotNull()
  @Nested(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: 'BE', description: 'ISO 3166-1 alpha-2. Required on the public form' })
  @IsOptional()
  @UpperCase()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, e.g. BE' })
  nationality?: string;
}

/** Fields every way of asking for shares shares: the class, how many, the IBAN, the consent. */
export class ShareRequestFieldsDto {
  @ApiProperty({ format: 'uuid', description: 'An active share class open to this kind of holder' })
  @IsUUID('all', { message: 'must be a share class id (UUID)' })
  shareClassId: string;

  @ApiProperty({ example: 4, minimum: 1, description: "Within the class's minimum and maximum per holder" })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

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

  @ApiProperty({ example: true, description: 'The holder accepted the statutes (the settings link them)' })
  @Equals(true, { message: 'must be true: the holder has to accept the statutes' })
  consent: boolean;
}

/**
 * POST /share-subscriptions (api.md): the public form (with its captcha), staff entry or an
 * integrator. A person or an organisation with its representatives, as membership applications
 * give them; staff may name a known holder by `memberId` instead.
 */
export class CreateShareSubscriptionDto extends ShareRequestFieldsDto {
  @ApiProperty({
    enum: HOLDER_KINDS,
    enumName: 'ShareHolderKind',
    description: 'Who will hold the shares, as on membership applications and share classes',
  })
  @IsIn(HOLDER_KINDS)
  kind: HolderKind;

  @ApiPropertyOptional({
    type: ShareHolderPersonDto,
    description: 'The holder, for kind individual (unless staff give memberId)',
  })
  @OptionalNotNull()
  @Nested(() => ShareHolderPersonDto)
  person?: ShareHolderPersonDto;

  @ApiPropertyOptional({
    type: OrganisationDto,
    description:
      'The holder, for kind organisation (unless staff give memberId): its legal details and one or more ' +
      'representatives, exactly one of them the contact',
  })
  @OptionalNotNull()
  @Nested(() => OrganisationDto)
  organisation?: OrganisationDto;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only: a holder already known, a member of this kind, instead of person or organisation',
  })
  @IsOptional()
  @IsUUID('all')
  memberId?: string;

  @ApiPropertyOptional({ description: 'The solved captcha (GET /captcha/challenge); required of anonymous callers' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  altcha?: string;
}

/** The portal's "buy more": for themselves or an organisation they act for. */
export class CreateMyShareSubscriptionDto extends ShareRequestFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The member to buy for: their own membership when left out, or an organisation they act for (GET /me/shares)',
  })
  @IsOptional()
  @IsUUID('all')
  holderId?: string;
}

/** 201 of POST /share-subscriptions for callers who are not staff: what the form shows. */
export class ShareSubscriptionCreatedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'SHR-2026-000001' })
  reference: string;
  @ApiProperty({ enum: SHARE_SUBSCRIPTION_STATES, enumName: 'ShareSubscriptionState' })
  state: ShareSubscriptionState;
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
  kind: ShareHolderKind;
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
