import type { PostalAddress } from '@tessera/core';

/** How payable documents are referenced: ISO 11649 creditor reference, or Belgian structured communication. */
export const REFERENCE_SCHEMES = ['rf', 'ogm'] as const;
export type ReferenceScheme = (typeof REFERENCE_SCHEMES)[number];

export const LOGO_TYPES = ['png', 'jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** Everything an invoice says about its issuer, read in one go by the billing domain. */
export interface BillingProfile {
  /** The legal name, or the everyday name when none is set. */
  legalName: string;
  address: PostalAddress | null;
  companyNumber: string | null;
  vatNumber: string | null;
  /** The contact e-mail. */
  email: string;
  phone: string | null;
  website: string | null;
  /** Electronic format (no spaces). */
  iban: string | null;
  bic: string | null;
  invoiceFooter: string | null;
  paymentTermsDays: number;
  timeZone: string;
  referenceScheme: ReferenceScheme;
  currency: string;
  logo: { data: Buffer; type: LogoType } | null;
}

/** The terms documents are issued on, and when the daily jobs run: the profile without its logo. */
export interface BillingTerms {
  paymentTermsDays: number;
  timeZone: string;
  referenceScheme: ReferenceScheme;
  currency: string;
  /** 'HH:MM' local times of the daily renewal run and status sweep. */
  renewalTime: string;
  statusSweepTime: string;
}
