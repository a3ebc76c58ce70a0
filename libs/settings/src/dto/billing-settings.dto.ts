import { ApiProperty } from '@nestjs/swagger';
import { LOGO_TYPES, REFERENCE_SCHEMES, type LogoType, type ReferenceScheme } from '../billing-profile';
import type { OrganisationSettings } from '../entities/organisation-settings.entity';

export const LOGO_PATH = '/api/v1/settings/organisation/logo';

export const BILLING_DEFAULTS = {
  paymentTermsDays: 30,
  timeZone: 'Europe/Brussels',
  referenceScheme: 'rf' as ReferenceScheme,
  currency: 'EUR',
  renewalTime: '02:00',
  statusSweepTime: '03:00',
};

export const SCHEME_DOC =
  '`rf`: ISO 11649 creditor reference (RF18 5390 0754 7034), understood across SEPA; ' +
  '`ogm`: Belgian structured communication (+++090/9337/55493+++), which Belgian banking apps prefill.';

export class OrganisationLogoDto {
  @ApiProperty({
    example: `${LOGO_PATH}?v=3f79bb7b435b0532`,
    description: 'Where to fetch it (public); the query changes with the image',
  })
  url: string;
  @ApiProperty({ enum: LOGO_TYPES })
  type: LogoType;
}

/** What staff read of the billing settings (part of GET /settings/organisation). */
export class BillingSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'On invoices; null: the name is used' })
  legalName: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0123.456.789' })
  companyNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'BE0123456789' })
  vatNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'BE71096123456769', description: 'Electronic format' })
  iban: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'GKCCBEBB' })
  bic: string | null;
  @ApiProperty({ type: String, nullable: true })
  invoiceFooter: string | null;
  @ApiProperty({ example: 30 })
  paymentTermsDays: number;
  @ApiProperty({ example: 'Europe/Brussels' })
  timeZone: string;
  @ApiProperty({ enum: REFERENCE_SCHEMES, description: SCHEME_DOC })
  referenceScheme: ReferenceScheme;
  @ApiProperty({ example: 'EUR' })
  currency: string;
  @ApiProperty({ example: '02:00' })
  renewalTime: string;
  @ApiProperty({ example: '03:00' })
  statusSweepTime: string;
  @ApiProperty({ type: OrganisationLogoDto, nullable: true })
  logo: OrganisationLogoDto | null;

  static from(settings: OrganisationSettings): BillingSettingsDto {
    const { logoKey, logoType, logoSha256 } = settings;
    return {
      legalName: settings.legalName,
      companyNumber: settings.companyNumber,
      vatNumber: settings.vatNumber,
      iban: settings.iban,
      bic: settings.bic,
      invoiceFooter: settings.invoiceFooter,
      paymentTermsDays: settings.paymentTermsDays,
      timeZone: settings.timeZone,
      referenceScheme: settings.referenceScheme,
      currency: settings.currency,
      renewalTime: settings.renewalTime,
      statusSweepTime: settings.statusSweepTime,
      logo:
        logoKey && logoType && logoSha256 ? { url: `${LOGO_PATH}?v=${logoSha256.slice(0, 16)}`, type: logoType } : null,
    };
  }
}
