import type { PostalAddress } from '@tessera/core';
import type { LogoType, ReferenceScheme } from '../billing-profile';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Who the organisation is, as members and applicants see it: in every e-mail's footer and on the
 * public pages. One row (id 1), made by the migration, so reading it never finds nothing.
 */
@Entity('organisation_settings')
export class OrganisationSettings {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address: PostalAddress | null;

  @Column({ name: 'website_url', type: 'text', nullable: true })
  websiteUrl: string | null;

  @Column({ name: 'terms_url', type: 'text', nullable: true })
  termsUrl: string | null;

  @Column({ name: 'privacy_url', type: 'text', nullable: true })
  privacyUrl: string | null;

  /** The co-operative's statutes: the share subscription form links its consent to them. */
  @Column({ name: 'statutes_url', type: 'text', nullable: true })
  statutesUrl: string | null;

  /** The name invoices carry when it differs from the everyday one; null: `name`. */
  @Column({ name: 'legal_name', type: 'text', nullable: true })
  legalName: string | null;

  @Column({ name: 'company_number', type: 'text', nullable: true })
  companyNumber: string | null;

  @Column({ name: 'vat_number', type: 'text', nullable: true })
  vatNumber: string | null;

  /** Electronic format: upper case, no spaces. */
  @Column({ type: 'text', nullable: true })
  iban: string | null;

  @Column({ type: 'text', nullable: true })
  bic: string | null;

  @Column({ name: 'invoice_footer', type: 'text', nullable: true })
  invoiceFooter: string | null;

  @Column({ name: 'payment_terms_days', type: 'int' })
  paymentTermsDays: number;

  /** IANA zone every membership date is local to. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'reference_scheme', type: 'text' })
  referenceScheme: ReferenceScheme;

  /** ISO 4217 code of the default currency. */
  @Column({ type: 'text' })
  currency: string;

  /** 'HH:MM' local time at which the daily renewal run starts. */
  @Column({ name: 'renewal_time', type: 'text' })
  renewalTime: string;

  /** 'HH:MM' local time at which the daily status sweep starts. */
  @Column({ name: 'status_sweep_time', type: 'text' })
  statusSweepTime: string;

  /** FileStorage key of the logo; the three logo columns are all set or all null. */
  @Column({ name: 'logo_key', type: 'text', nullable: true })
  logoKey: string | null;

  @Column({ name: 'logo_type', type: 'text', nullable: true })
  logoType: LogoType | null;

  /** Hex SHA-256 of the logo's bytes: its ETag. */
  @Column({ name: 'logo_sha256', type: 'text', nullable: true })
  logoSha256: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
