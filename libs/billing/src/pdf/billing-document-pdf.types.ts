/** What a billing document's PDF shows: everything already decided, priced and numbered. */
export interface PdfParty {
  name: string;
  address: { line1: string; line2?: string | null; postalCode: string; city: string; country: string } | null;
  companyNumber?: string | null;
  vatNumber?: string | null;
}

/** The organisation that issues the PDF: its details, logo and footer. */
export type PdfSeller = PdfParty & {
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  iban?: string | null;
  bic?: string | null;
  logo?: { data: Buffer; type: 'png' | 'jpeg' } | null;
  footer?: string | null;
};

/** The member a PDF is addressed to. */
export type PdfMember = PdfParty & { memberNumber?: string | null; email?: string | null };

/** What every billing PDF has — a document or a receipt: a language, a number, who issues it. */
export interface PdfSheet {
  locale: 'en' | 'fr';
  number: string;
  seller: PdfSeller;
}

export interface BillingDocumentPdf extends PdfSheet {
  kind: 'invoice' | 'pro-forma' | 'credit-note' | 'capital-release';
  number: string; // INV-2026-000001, PRO-…, CN-…
  issueDate: string; // YYYY-MM-DD (local date)
  dueDate: string | null; // none for credit notes
  currency: string; // ISO 4217, e.g. EUR
  buyer: PdfMember;
  lines: {
    description: string;
    period?: { start: string; end: string } | null;
    quantity: number;
    unitPrice: number;
    taxRateBps: number;
    net: number;
    tax: number;
  }[];
  totals: { net: number; tax: number; gross: number };
  taxSummary: { taxRateBps: number; net: number; tax: number }[];
  amountDue: number;
  paymentReference: string | null; // printed form (RF… or +++…+++)
  related?: { kind: 'confirms' | 'credits'; number: string } | null; // invoice confirmed from pro-forma PRO-…; credit note for invoice INV-…
  reason?: string | null; // a credit note's reason
}
