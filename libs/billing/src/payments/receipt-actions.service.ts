import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { userIdOf, type Principal } from '@tessera/core';
import { SignedInPerson } from '@tessera/members';
import { membersOf } from '../billing-document-queries.service';
import type { StoredPdf } from '../stored-pdf';
import { paymentNotFound } from './payments.service';
import { ReceiptPdfService } from './receipt-pdf.service';
import { ReceiptRepository } from './receipt.repository';

/** What the receipt endpoints do: staff open any receipt, a member only their own. */
@Injectable()
export class ReceiptActionsService {
  constructor(
    private readonly pdfs: ReceiptPdfService,
    private readonly receipts: ReceiptRepository,
    private readonly signedIn: SignedInPerson,
  ) {}

  async open(paymentId: string): Promise<{ pdf: StoredPdf; stream: Readable }> {
    const pdf = await this.pdfs.ensure(await this.pdfs.find(paymentId));
    return { pdf, stream: this.pdfs.open(pdf) };
  }

  /** 404 — never 403 — for anybody else's payment. */
  async openOwn(principal: Principal, paymentId: string): Promise<{ pdf: StoredPdf; stream: Readable }> {
    const person = this.signedIn.personOf;
    if (!(await this.receipts.isOfMembers(paymentId, membersOf(person), userIdOf(principal)))) throw paymentNotFound();
    return this.open(paymentId);
  }
}
