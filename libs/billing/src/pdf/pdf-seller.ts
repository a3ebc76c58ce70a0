import type { BillingProfile } from '@tessera/settings';
import type { PdfSeller } from './billing-document-pdf.types';

/** The organisation as every billing PDF prints it. */
export function pdfSellerOf(profile: BillingProfile): PdfSeller {
  return {
    name: profile.legalName,
    address: profile.address,
    companyNumber: profile.companyNumber,
    vatNumber: profile.vatNumber,
    email: profile.email,
    phone: profile.phone,
    website: profile.website,
    iban: profile.iban,
    bic: profile.bic,
    logo: profile.logo,
    footer: profile.invoiceFooter,
  };
}
