import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AppConfig, ProblemException, userIdOf, type Principal } from '@tessera/core';
import { SignedInPerson } from '@tessera/members';
import { BillingDocumentPdfService, type DocumentPdf } from './billing-document-pdf.service';
import { BillingDocumentQueriesService } from './billing-document-queries.service';
import { BillingDocumentsService } from './billing-documents.service';
import type { MyBillingDocumentsQueryDto } from './dto/billing-document-query.dto';
import type { BillingDocumentDto, MyBillingDocumentPageDto } from './dto/billing-document-response.dto';
import type { BulkConfirmResultDto } from './dto/bulk-confirm.dto';

/** What the invoice endpoints do: a change or a read, then the document as the caller sees it. */
@Injectable()
export class BillingDocumentActionsService {
  constructor(
    private readonly billing: BillingDocumentsService,
    private readonly queries: BillingDocumentQueriesService,
    private readonly pdfs: BillingDocumentPdfService,
    private readonly signedIn: SignedInPerson,
    private readonly config: AppConfig,
  ) {}

  async confirm(id: string, principal: Principal): Promise<BillingDocumentDto> {
    const invoice = await this.billing.confirmProForma(id, { userId: staffUserOf(principal) });
    return this.queries.get(invoice.id);
  }

  async credit(id: string, reason: string, principal: Principal): Promise<BillingDocumentDto> {
    const creditNote = await this.billing.creditInvoice(id, reason, { userId: staffUserOf(principal) });
    return this.queries.get(creditNote.id);
  }

  async decline(id: string, reason: string): Promise<BillingDocumentDto> {
    return this.queries.get((await this.billing.declineProForma(id, reason)).id);
  }

  async reopen(id: string): Promise<BillingDocumentDto> {
    return this.queries.get((await this.billing.reopenProForma(id)).id);
  }

  /** Confirms pro-formas one after the other, so invoice numbers follow the order asked. */
  async confirmMany(ids: string[], principal: Principal): Promise<BulkConfirmResultDto> {
    const result: BulkConfirmResultDto = { invoices: [], refused: [] };
    for (const id of ids) {
      try {
        result.invoices.push(await this.confirm(id, principal));
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        result.refused.push({ id, status: error.getStatus(), detail: error.problem.detail ?? error.message });
      }
    }
    return result;
  }

  /** The member's "I will not renew", on one of their own pro-formas. */
  async declineOwn(principal: Principal, id: string, reason: string | null): Promise<BillingDocumentDto> {
    await this.queries.assertOwn(this.signedIn.personOf, userIdOf(principal), id);
    return this.queries.get((await this.billing.declineProForma(id, reason)).id);
  }

  async reopenOwn(principal: Principal, id: string): Promise<BillingDocumentDto> {
    await this.queries.assertOwn(this.signedIn.personOf, userIdOf(principal), id);
    return this.reopen(id);
  }

  async openPdf(id: string): Promise<{ pdf: DocumentPdf; stream: Readable }> {
    const pdf = await this.pdfs.ensure(await this.queries.find(id));
    return { pdf, stream: this.pdfs.open(pdf) };
  }

  async listOwn(principal: Principal, query: MyBillingDocumentsQueryDto): Promise<MyBillingDocumentPageDto> {
    const page = await this.queries.listOwn(this.signedIn.personOf, userIdOf(principal), query);
    // The portal shows "Pay" only when online payment is on.
    return { ...page, onlinePayment: this.config.stripeEnabled };
  }

  getOwn(principal: Principal, id: string): Promise<BillingDocumentDto> {
    return this.queries.getOwn(this.signedIn.personOf, userIdOf(principal), id);
  }

  async openOwnPdf(principal: Principal, id: string): Promise<{ pdf: DocumentPdf; stream: Readable }> {
    await this.queries.assertOwn(this.signedIn.personOf, userIdOf(principal), id);
    return this.openPdf(id);
  }
}

function staffUserOf(principal: Principal): string | null {
  return principal.kind === 'user' ? principal.userId : null;
}
