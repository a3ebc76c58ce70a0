import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { AddressDto } from '@tessera/core';
import type { OrganisationSettings } from '../entities/organisation-settings.entity';
import { BillingSettingsDto } from './billing-settings.dto';

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
  @ApiProperty({ type: String, nullable: true, example: 'https://example.org/statutes' })
  statutesUrl: string | null;

  static from(settings: OrganisationSettings): PublicOrganisationDto {
    return {
      name: settings.name,
      contactEmail: settings.contactEmail,
      phone: settings.phone,
      address: settings.address,
      websiteUrl: settings.websiteUrl,
      termsUrl: settings.termsUrl,
      privacyUrl: settings.privacyUrl,
      statutesUrl: settings.statutesUrl,
    };
  }
}

/** The settings as staff read them: who the organisation is, and how it bills (api.md: /settings/organisation). */
export class OrganisationSettingsDto extends IntersectionType(PublicOrganisationDto, BillingSettingsDto) {
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;

  static from(settings: OrganisationSettings): OrganisationSettingsDto {
    return {
      ...PublicOrganisationDto.from(settings),
      ...BillingSettingsDto.from(settings),
      updatedAt: settings.updatedAt.toISOString(),
    };
  }
}

export { UpdateOrganisationSettingsDto } from './update-organisation-settings.dto';
