import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What invoices need from the organisation (issue 13): its legal identity, bank account, logo and
 * terms, the time zone its membership dates are local to, its payment reference scheme and
 * currency, and when the daily runs start. Checks mirror the DTO's rules so no path stores less.
 */
export class OrganisationBillingSettings1765000000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisation_settings
        ADD COLUMN legal_name text,
        ADD COLUMN company_number text,
        ADD COLUMN vat_number text,
        ADD COLUMN iban text CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        ADD COLUMN bic text CHECK (bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'),
        ADD COLUMN invoice_footer text CHECK (char_length(invoice_footer) <= 500),
        ADD COLUMN payment_terms_days int NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365),
        ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Brussels',
        ADD COLUMN reference_scheme text NOT NULL DEFAULT 'rf' CHECK (reference_scheme IN ('rf', 'ogm')),
        ADD COLUMN currency text NOT NULL DEFAULT 'EUR' CHECK (currency ~ '^[A-Z]{3}$'),
        ADD COLUMN renewal_time text NOT NULL DEFAULT '02:00' CHECK (renewal_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        ADD COLUMN status_sweep_time text NOT NULL DEFAULT '03:00'
          CHECK (status_sweep_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        ADD COLUMN logo_key text,
        ADD COLUMN logo_type text CHECK (logo_type IN ('png', 'jpeg')),
        ADD COLUMN logo_sha256 text CHECK (logo_sha256 ~ '^[0-9a-f]{64}$'),
        ADD CONSTRAINT organisation_settings_logo_check CHECK (
          (logo_key IS NULL) = (logo_type IS NULL) AND (logo_key IS NULL) = (logo_sha256 IS NULL)
        )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisation_settings
        DROP CONSTRAINT organisation_settings_logo_check,
        DROP COLUMN legal_name,
        DROP COLUMN company_number,
        DROP COLUMN vat_number,
        DROP COLUMN iban,
        DROP COLUMN bic,
        DROP COLUMN invoice_footer,
        DROP COLUMN payment_terms_days,
        DROP COLUMN time_zone,
        DROP COLUMN reference_scheme,
        DROP COLUMN currency,
        DROP COLUMN renewal_time,
        DROP COLUMN status_sweep_time,
        DROP COLUMN logo_key,
        DROP COLUMN logo_type,
        DROP COLUMN logo_sha256`);
  }
}
