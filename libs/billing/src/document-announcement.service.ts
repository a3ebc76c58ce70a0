import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, Transactions } from '@tessera/core';
import { MailService } from '@tessera/notifications';
import { BillingDocumentPdfService } from './billing-document-pdf.service';
import { BillingDocumentRepository } from './billing-document.repository';
import { formatDocumentDate, formatDocumentMoney } from './document-format';

export type AnnouncementOutcome = 'announced' | 'already-announced' | 'nothing-to-announce' | 'not-found';

/**
 * Tells the member of a new document by e-mail with its PDF attached. Run by the worker after
 * the document commits; run twice, it e-mails once (the document is marked in the e-mail's
 * transaction). A settled zero invoice is in the portal; it needs no e-mail.
 */
@Injectable()
export class DocumentAnnouncementService {
  constructor(
    private readonly transactions: Transactions,
    private readonly documents: BillingDocumentRepository,
    private readonly pdfs: BillingDocumentPdfService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async announce(documentId: string): Promise<AnnouncementOutcome> {
    const document = await this.documents.findById(documentId);
    if (!document) return 'not-found';
    if (document.announcedAt) return 'already-announced';
    // Rendered outside the transaction (it is slow and idempotent); stored once either way.
    const pdf = await this.pdfs.ensure(document);
    if (document.grossAmount === 0 || !document.buyer.email) return 'nothing-to-announce';
    const email = document.buyer.email;
    return this.transactions.run(async () => {
      if (!(await this.documents.markAnnounced(document.id, this.clock.now()))) return 'already-announced';
      await this.mail.send({
        to: email,
        template: 'billing-document-issued',
        locale: document.locale,
        data: {
          name: document.buyer.name,
          number: document.number,
          invoice: document.kind === 'invoice',
          proForma: document.kind === 'pro-forma',
          creditNote: document.kind === 'credit-note',
          capitalRelease: document.kind === 'capital-release',
          amount: formatDocumentMoney(document.grossAmount, document.currency, document.locale),
          dueDate: document.dueDate ? formatDocumentDate(document.dueDate, document.locale) : null,
          paymentReference: document.paymentReference,
          url: `${this.config.PUBLIC_URL.replace(/\/$/, '')}/portal/invoices`,
        },
        attachments: [{ filename: pdf.filename, storageKey: pdf.key, contentType: 'application/pdf' }],
      });
      return 'announced';
    });
  }
}
