import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUrl, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { AddressDto, EmailAddress, OptionalNotNull, OptionalNullable, PhoneNumber, Trim } from '@tessera/core';
import { REFERENCE_SCHEMES, type ReferenceScheme } from '../billing-profile';
import { BILLING_DEFAULTS, SCHEME_DOC } from './billing-settings.dto';
import { Bic, CurrencyCode, Iban, LocalTime, MultiLine, TimeZone } from './billing-validators';

const LINK = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

/** Who the organisation is: the first half of PUT /settings/organisation. */
export class UpdateOrganisationDetailsDto {
  @ApiProperty({ example: 'Brussels Photographers Association', maxLength: 200 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'membership@example.org', description: 'Where members write to; shown in every e-mail' })
  @Trim()
  @EmailAddress()
  contactEmail: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+32 470 12 34 56' })
  @OptionalNullable()
  @PhoneNumber()
  phone: string | null = null;

  @ApiPropertyOptional({ type: AddressDto, nullable: true })
  @OptionalNullable()
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.org' })
  @OptionalNullable()
  @Trim()
  @IsUrl(LINK, { message: 'must be a web address starting with https://' })
  @MaxLength(500)
  websiteUrl: string | null = null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://example.org/membership-terms',
    description: 'Membership terms; the application form links its consent to it',
  })
  @OptionalNullable()
  @Trim()
  @IsUrl(LINK, { message: 'must be a web address starting with https://' })
  @MaxLength(500)
  termsUrl: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://example.org/privacy' })
  @OptionalNullable()
  @Trim()
  @IsUrl(LINK, { message: 'must be a web address starting with https://' })
  @MaxLength(500)
  privacyUrl: string | null = null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'https://example.org/statutes',
    description: "The co-operative's statutes; the share subscription form links its consent to them",
  })
  @OptionalNullable()
  @Trim()
  @IsUrl(LINK, { message: 'must be a web address starting with https://' })
  @MaxLength(500)
  statutesUrl: string | null = null;
}

/**
 * PUT replaces the whole: every field is sent, null clears an optional one, and a billing field
 * left out takes its default (null for the optional ones). Plain inheritance, not a mapped type:
 * the nullability marks live on the prototype chain.
 */
export class UpdateOrganisationSettingsDto extends UpdateOrganisationDetailsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, description: 'On invoices; null: the name' })
  @OptionalNullable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  legalName: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: '0123.456.789' })
  @OptionalNullable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  companyNumber: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50, example: 'BE0123456789' })
  @OptionalNullable()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  vatNumber: string | null = null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'BE71 0961 2345 6769',
    description: 'Spaces and lower case allowed; stored in electronic format',
  })
  @OptionalNullable()
  @Iban()
  iban: string | null = null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GKCCBEBB', description: '8 or 11 characters' })
  @OptionalNullable()
  @Bic()
  bic: string | null = null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'Printed under every invoice; line breaks kept',
  })
  @OptionalNullable()
  @MultiLine()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  invoiceFooter: string | null = null;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description: 'Due date = issue date + this (default 30 when left out)',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(365)
  paymentTermsDays: number = BILLING_DEFAULTS.paymentTermsDays;

  @ApiPropertyOptional({
    description:
      'IANA time zone (or UTC); every membership date is a local date in it (default Europe/Brussels when left out)',
  })
  @OptionalNotNull()
  @TimeZone()
  timeZone: string = BILLING_DEFAULTS.timeZone;

  @ApiPropertyOptional({ enum: REFERENCE_SCHEMES, description: `${SCHEME_DOC} (default rf when left out)` })
  @OptionalNotNull()
  @IsIn(REFERENCE_SCHEMES)
  referenceScheme: ReferenceScheme = BILLING_DEFAULTS.referenceScheme;

  @ApiPropertyOptional({ description: 'ISO 4217 code (default EUR when left out)' })
  @OptionalNotNull()
  @CurrencyCode()
  currency: string = BILLING_DEFAULTS.currency;

  @ApiPropertyOptional({
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: 'Local time the daily renewal run starts (default 02:00 when left out)',
  })
  @OptionalNotNull()
  @LocalTime()
  renewalTime: string = BILLING_DEFAULTS.renewalTime;

  @ApiPropertyOptional({
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: 'Local time the daily status sweep starts (default 03:00 when left out)',
  })
  @OptionalNotNull()
  @LocalTime()
  statusSweepTime: string = BILLING_DEFAULTS.statusSweepTime;
}
