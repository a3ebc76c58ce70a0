/** Invoices, pro-formas, credit notes, numbering, payment references and PDFs (product §5–§7). */
export * from './billing.module';
export * from './billing.http.module';
export * from './billing.worker.module';
export * from './billing.schema';
export * from './billing.queue';
export * from './billing.types';
export * from './billing-document-state';
export * from './settlement-listener';
export { BillingDocumentsService, type BillingActor } from './billing-documents.service';
export { BillingDocumentQueriesService } from './billing-document-queries.service';
export { BulkProFormasService, type ProFormaToIssue, type BulkIssueOutcome } from './bulk-pro-formas.service';
export { proFormaExistsSql, memberBalanceSql } from './billing-document.repository';
export { DocumentAnnouncementService, type AnnouncementOutcome } from './document-announcement.service';
export * from './dto/billing-document-response.dto';
export * from './dto/billing-document-query.dto';
export * from './dto/document-reason.dto';
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
export { pdfFonts, type PdfFonts } from './pdf/pdf-fonts';
export { startPdf, type PdfFileInfo } from './pdf/pdf-file';
export { pdfFormat, parseLocalDate, type PdfFormat } from './pdf/pdf-format';
export { PAGE as PDF_PAGE } from './pdf/pdf-canvas';
export type { BillingDocumentPdf, PdfParty } from './pdf/billing-document-pdf.types';
export * from './dto/bulk-confirm.dto';
export { formatDocumentDate, formatDocumentMoney } from './document-format';
export { PaymentsService, type PaymentToRecord, type RecordedPayment } from './payments/payments.service';
export { ReceiptAnnouncementService } from './payments/receipt-announcement.service';
export { ReceiptPdfService } from './payments/receipt-pdf.service';
export { renderReceiptPdf } from './pdf/render-receipt-pdf';
export type { ReceiptPdf } from './pdf/receipt-pdf.types';
export * from './payments/payment-method';
export * from './dto/payment.dto';
export {
  BankStatementError,
  MAX_STATEMENT_BYTES,
  MAX_STATEMENT_LINES,
  type BankStatement,
  type BankStatementLine,
} from './bank-statements/bank-statement.types';
export { parseCamt053, parseCamt053Statements } from './bank-statements/camt053';
export { parseCsvStatement } from './bank-statements/csv-statement';
export type { CsvMapping, CsvColumns, CsvColumn } from './bank-statements/csv-mapping';
export { CSV_PRESETS, type CsvPreset, type CsvPresetName } from './bank-statements/csv-presets';
export type { StatementDateFormat } from './bank-statements/statement-dates';
export type { StatementEncoding } from './bank-statements/statement-text';
export { referencesIn, fileFingerprint } from './bank-statements/statement-matching';
export {
  generateCamt053,
  type GeneratedPayment,
  type GeneratedStatementOptions,
} from './bank-statements/fixtures/generate-camt053';
export * from './dto/stripe.dto';
export { STRIPE_EVENT_OUTCOMES, type StripeEventOutcome } from './stripe/stripe-event-decision';
export {
  BankStatementImportService,
  bankSourceKey,
  type StatementImported,
} from './bank-statements/bank-statement-import.service';
export { BankLineResolutionService, type LineResolution } from './bank-statements/bank-line-resolution.service';
export { BANK_LINE_STATES, type BankLineState } from './bank-statements/bank-line-state';
export {
  statementUploadOf,
  MAX_STATEMENT_UPLOAD_BYTES,
  type StatementUpload,
  type StatementFormat,
} from './bank-statements/statement-upload';
export * from './dto/bank-statement.dto';
export { BillingDocumentPdfService } from './billing-document-pdf.service';
export { pdfResponse } from './controllers/pdf-response';
export type { StoredPdf } from './stored-pdf';
