import type { BillingDocumentPdf } from './billing-document-pdf.types';

/** Every word a billing PDF prints; one object per locale, so a missing translation fails to compile. */
export interface PdfStrings {
  title: Record<BillingDocumentPdf['kind'], string>;
  number: string;
  issueDate: string;
  dueDate: string;
  billTo: string;
  companyNumber: string;
  vatNumber: string;
  memberNumber: string;
  related: Record<NonNullable<BillingDocumentPdf['related']>['kind'], (number: string) => string>;
  reason: string;
  proFormaNote: string;
  capitalReleaseNote: string;
  columns: { description: string; quantity: string; unitPrice: string; taxRate: string; net: string };
  period: (start: string, end: string) => string;
  totals: { net: string; tax: string; gross: string; paid: string; amountDue: string; credited: string };
  taxSummary: { title: string; rate: string; base: string; tax: string };
  payment: {
    title: string;
    instruction: (amount: string, dueDate: string | null) => string;
    amount: string;
    iban: string;
    bic: string;
    reference: string;
    dueDate: string;
    qrCaption: string;
  };
  /** "Reason: …"; French puts a no-break space before the colon. */
  labelled: (label: string, value: string) => string;
  continued: (title: string, number: string) => string;
  page: (page: number, pages: number) => string;
}

const NBSP = '\u00a0';

export const pdfStrings: Record<BillingDocumentPdf['locale'], PdfStrings> = {
  en: {
    title: {
      invoice: 'Invoice',
      'pro-forma': 'Pro-forma invoice',
      'credit-note': 'Credit note',
      'capital-release': 'Capital release request',
    },
    number: 'Number',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    billTo: 'Bill to',
    companyNumber: 'Company number',
    vatNumber: 'VAT number',
    memberNumber: 'Member number',
    related: {
      confirms: (number) => `Confirms pro-forma ${number}`,
      credits: (number) => `Credits invoice ${number}`,
    },
    reason: 'Reason',
    proFormaNote: 'This pro-forma invoice is a request for payment, not a tax invoice.',
    capitalReleaseNote:
      'A call for payment of the co-operative shares you subscribed; share capital is not subject to VAT. The shares are issued once it is paid in full.',
    columns: { description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', taxRate: 'VAT', net: 'Amount' },
    period: (start, end) => `${start} – ${end}`,
    totals: {
      net: 'Subtotal (excl. VAT)',
      tax: 'VAT',
      gross: 'Total',
      paid: 'Already paid',
      amountDue: 'Amount due',
      credited: 'Total credited',
    },
    taxSummary: { title: 'VAT summary', rate: 'Rate', base: 'Taxable amount', tax: 'VAT' },
    payment: {
      title: 'How to pay',
      instruction: (amount, dueDate) =>
        dueDate ? `Please transfer ${amount} by ${dueDate}.` : `Please transfer ${amount}.`,
      amount: 'Amount',
      iban: 'IBAN',
      bic: 'BIC',
      reference: 'Reference',
      dueDate: 'Due date',
      qrCaption: 'Scan with your banking app',
    },
    labelled: (label, value) => `${label}: ${value}`,
    continued: (title, number) => `${title} ${number} (continued)`,
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
  fr: {
    title: {
      invoice: 'Facture',
      'pro-forma': 'Facture pro forma',
      'credit-note': 'Note de crédit',
      'capital-release': 'Appel de fonds',
    },
    number: 'Numéro',
    issueDate: 'Date d’émission',
    dueDate: 'Échéance',
    billTo: 'Facturé à',
    companyNumber: 'Numéro d’entreprise',
    vatNumber: 'Numéro de TVA',
    memberNumber: 'Numéro de membre',
    related: {
      confirms: (number) => `Confirme la facture pro forma ${number}`,
      credits: (number) => `Crédite la facture ${number}`,
    },
    reason: 'Motif',
    proFormaNote: 'Cette facture pro forma est une demande de paiement, non une facture au sens fiscal.',
    capitalReleaseNote: `Appel de fonds pour les parts coopératives souscrites${NBSP}; le capital n’est pas soumis à la TVA. Les parts sont émises dès son paiement complet.`,
    columns: {
      description: 'Description',
      quantity: 'Qté',
      unitPrice: 'Prix unitaire',
      taxRate: 'TVA',
      net: 'Montant',
    },
    period: (start, end) => `du ${start} au ${end}`,
    totals: {
      net: 'Total hors TVA',
      tax: 'TVA',
      gross: 'Total TVA comprise',
      paid: 'Déjà payé',
      amountDue: 'Montant à payer',
      credited: 'Total crédité',
    },
    taxSummary: { title: 'Récapitulatif de la TVA', rate: 'Taux', base: 'Base imposable', tax: 'TVA' },
    payment: {
      title: 'Paiement',
      instruction: (amount, dueDate) =>
        dueDate ? `Merci de virer ${amount} au plus tard le ${dueDate}.` : `Merci de virer ${amount}.`,
      amount: 'Montant',
      iban: 'IBAN',
      bic: 'BIC',
      reference: 'Communication',
      dueDate: 'Échéance',
      qrCaption: 'Scannez avec votre application bancaire',
    },
    labelled: (label, value) => `${label}${NBSP}: ${value}`,
    continued: (title, number) => `${title} ${number} (suite)`,
    page: (page, pages) => `Page ${page}${NBSP}/${NBSP}${pages}`,
  },
};
