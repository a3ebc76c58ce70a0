import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, IsUrl, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { AddressDto, EmailAddress, OptionalNullable, PhoneNumber, Trim } from '@tessera/core';
import type { OrganisationSettings } from '../entities/organisation-settings.entity';

const LINK = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };

/** What anyone may read: shown on the public pages and in every e-mail. */
export class PublicOrganisationDto {
  @ApiProperty({ example: 'Brussels Photographers Association' })
  name: string;
  @ApiProperty({ example: 'membership@example.org' })
  contactEmail: string;
  @ApiProperty({ type: String, nullable: true, example: '+32 470 12 34 56' })
  phone: string | null;
  @ApiProperty({ type: AddressDto, nullable: true })
  address: AddressDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://example.org' })
  websiteUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://example.org/membership-terms' })
  termsUrl: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'https://example.org/privacy' })
  privacyUrl: string | null;

  static from(settings: OrganisationSettings): PublicOrganisationDto {
    return {
      name: settings.name,
      contactEmail: settings.contactEmail,
      phone: settings.phone,
      address: settings.address,
      websiteUrl: settings.websiteUrl,
      termsUrl: settings.termsUrl,
      privacyUrl: settings.privacyUrl,
    };
  }
}

/** The settings as staff read them. Billing adds its fields here (api.md: /settings/organisation). */
export class OrganisationSettingsDto extends PublicOrganisationDto {
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  static override from(settings: OrganisationSettings): OrganisationSettingsDto {
    return { ...PublicOrganisationDto.from(settings), updatedAt: settings.updatedAt.toISOString() };
  }
}

/** PUT replaces the whole: every field is sent; null clears an optional one. */
export class UpdateOrganisationSettingsDto {
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
}
