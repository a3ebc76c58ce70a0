/** Invoices, pro-formas, credit notes, numbering, payment references and PDFs (product §5–§7). */
export {
  priceLines,
  prorate,
  type LineToPrice,
  type LineAmounts,
  type DocumentTotals,
  type TaxSummaryRow,
  type PricedDocument,
} from './arithmetic/document-arithmetic';
export { rfReference, formatRf, isValidRf } from './references/creditor-reference';
export { ogmReference, isValidOgm } from './references/ogm-reference';
export { paymentReferenceFor, type PaymentReferenceScheme } from './references/payment-reference';
export { findStructuredReferences, type FoundReference } from './references/find-structured-references';
export { epcQrPayload, type EpcQrInput } from './references/epc-qr';
export { renderBillingDocumentPdf, type RenderPdfOptions } from './pdf/render-billing-document-pdf';
export type { BillingDocumentPdf, PdfParty } from './pdf/billing-document-pdf.types';
