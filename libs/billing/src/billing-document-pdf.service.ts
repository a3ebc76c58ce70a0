import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { FileStorage } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { priceLines } from './arithmetic/document-arithmetic';
import { pdfSellerOf } from './pdf/pdf-seller';
import { renderBillingDocumentPdf } from './pdf/render-billing-document-pdf';
import type { BillingDocumentPdf } from './pdf/billing-document-pdf.types';
import { BillingDocumentRepository } from './billing-document.repository';
import { isPayable } from './billing-document-state';
import { lineToBillOf } from './document-lines';
import type { BillingDocument } from './entities/billing-document.entity';
import { storePdfOnce, type StoredPdf } from './stored-pdf';

/** A document's stored PDF (the same shape as a receipt's). */
export type DocumentPdf = StoredPdf;

/**
 * An issued document's PDF: rendered once from the document and the organisation's details,
 * stored under STORAGE_DIR with its SHA-256, and never rendered again (it never changes).
 */
@Injectable()
export class BillingDocumentPdfService {
  private readonly logger = new Logger(BillingDocumentPdfService.name);

  constructor(
    private readonly documents: BillingDocumentRepository,
    private readonly settings: OrganisationSettingsService,
    private readonly storage: FileStorage,
  ) {}

  /** The stored PDF, rendering and storing it first if this is its first use. */
  async ensure(document: BillingDocument): Promise<DocumentPdf> {
    const pdf = await storePdfOnce(this.storage, {
      filename: `${document.number}.pdf`,
      stored: { key: document.pdfKey, sha256: document.pdfSha256 },
      render: async () => renderBillingDocumentPdf(await this.pdfDataOf(document)),
      record: (file) => this.documents.recordPdf(document.id, file.key, file.sha256),
    });
    if (pdf.rendered) this.logger.log(`Stored the PDF of ${document.number}`);
    return { key: pdf.key, sha256: pdf.sha256, filename: pdf.filename };
  }

  open(pdf: DocumentPdf): Readable {
    return this.storage.read(pdf.key);
  }

  private async pdfDataOf(document: BillingDocument): Promise<BillingDocumentPdf> {
    const profile = await this.settings.billingProfile();
    const [related] = document.relatedDocumentId ? await this.documents.findNumbers([document.relatedDocumentId]) : [];
    const priced = priceLines(document.lines);
    return {
      kind: document.kind,
      locale: document.locale,
      number: document.number,
      issueDate: document.issueDate,
      dueDate: document.dueDate,
      currency: document.currency,
      seller: pdfSellerOf(profile),
      buyer: document.buyer,
      lines: document.lines.map((line) => ({ ...lineToBillOf(line), net: line.netAmount, tax: line.taxAmount })),
      totals: { net: document.netAmount, tax: document.taxAmount, gross: document.grossAmount },
      taxSummary: priced.taxSummary,
      // What was due when issued: the PDF is a record of the document, not of later payments.
      amountDue: isPayable(document.kind, 'open') ? document.grossAmount : 0,
      paymentReference: document.paymentReference,
      related: related
        ? { kind: document.kind === 'credit-note' ? 'credits' : 'confirms', number: related.number }
        : null,
      reason: document.kind === 'credit-note' ? document.reason : null,
    };
  }
}
