import { Injectable } from '@nestjs/common';
import { Clock, formatYearlyReference, localDateIn } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { applyToOwing } from '../arithmetic/allocation-arithmetic';
import { isPayable, isSettledByAllocation, settlementState } from '../billing-document-state';
import { periodOf } from '../document-lines';
import { SettlementListeners, type SettledDocument } from '../settlement-listener';
import { BankPaymentsRepository, type BankPaymentRow, type LockedDocument } from './bank-payments.repository';

/** A bank line to record as a payment of the document its reference names. */
export interface BankPaymentToRecord {
  lineId: string;
  sourceKey: string;
  documentId: string;
  memberId: string;
  amount: number;
  currency: string;
  paidOn: string;
  payer: string | null;
  externalReference: string | null;
}

/**
 * Records many bank payments in the caller's transaction, set-based: what PaymentsService.record
 * does for each (a receipt number, the payment, at most what the invoice owes allocated to it,
 * the rest credit, the invoice's new state, its settlement listener), in a handful of statements.
 * Only invoices: a line paying a pro-forma (confirmed first) is returned for record() to handle.
 */
@Injectable()
export class BankPaymentsRecorder {
  constructor(
    private readonly payments: BankPaymentsRepository,
    private readonly settings: OrganisationSettingsService,
    private readonly listeners: SettlementListeners,
    private readonly clock: Clock,
  ) {}

  /** Records what it can; gives the payment of each line recorded, and the lines left for record(). */
  async record(
    lines: BankPaymentToRecord[],
    userId: string | null,
  ): Promise<{ recorded: { lineId: string; paymentId: string }[]; left: BankPaymentToRecord[] }> {
    if (lines.length === 0) return { recorded: [], left: [] };
    const now = this.clock.now();
    const today = localDateIn((await this.settings.billingTerms()).timeZone, now);
    const year = Number(today.slice(0, 4));
    let lastNumber = await this.payments.lockReceiptSeries(year);
    const known = await this.payments.paymentsByKey(lines.map((line) => line.sourceKey));
    const documents = new Map(
      (await this.payments.lockDocuments([...new Set(lines.map((line) => line.documentId))])).map((d) => [d.id, d]),
    );

    const recorded: { lineId: string; paymentId: string }[] = [];
    const left: BankPaymentToRecord[] = [];
    const rows: BankPaymentRow[] = [];
    const allocations: { documentId: string; sourceKey: string; amount: number }[] = [];
    const changed = new Set<LockedDocument>();
    for (const line of lines) {
      const replayed = known.get(line.sourceKey);
      if (replayed) {
        recorded.push({ lineId: line.lineId, paymentId: replayed });
        continue;
      }
      const document = documents.get(line.documentId);
      if (!document || !isSettledByAllocation(document.kind) || !paysDocument(line, document)) {
        left.push(line);
        continue;
      }
      // As allocateUpTo: nothing on an invoice that is not payable (paid, credited), the rest is credit.
      const payable = isPayable(document.kind, document.state);
      const { applied: allocated, left: credit, allocatedAmount } = applyToOwing(line.amount, document, payable);
      if (allocated > 0) {
        document.allocatedAmount = allocatedAmount;
        document.state = settlementState(document.grossAmount, document.allocatedAmount);
        changed.add(document);
        allocations.push({ documentId: document.id, sourceKey: line.sourceKey, amount: allocated });
      }
      rows.push({
        receiptNumber: formatYearlyReference('REC', year, ++lastNumber),
        memberId: line.memberId,
        amount: line.amount,
        currency: line.currency,
        unallocatedAmount: credit,
        paidOn: line.paidOn,
        payer: line.payer,
        externalReference: line.externalReference,
        sourceKey: line.sourceKey,
        recordedByUserId: userId,
      });
    }

    await this.payments.setLastReceiptNumber(year, lastNumber);
    const ids = await this.payments.insertPayments(rows, now);
    await this.payments.insertAllocations(
      allocations.map((a) => ({ documentId: a.documentId, paymentId: ids.get(a.sourceKey)!, amount: a.amount })),
      now,
    );
    await this.payments.updateDocuments([...changed], now);
    for (const document of changed) if (document.state === 'paid') await this.settled(document, today);
    for (const line of lines) {
      const paymentId = ids.get(line.sourceKey);
      if (paymentId) recorded.push({ lineId: line.lineId, paymentId });
    }
    return { recorded, left };
  }

  /** As BillingDocumentsService.settle: the listener of its subject hears of it, in this transaction. */
  private async settled(document: LockedDocument, today: string): Promise<void> {
    const listener = this.listeners.listenerFor(document.subjectType);
    if (!listener) return;
    await listener.onSettled({
      documentId: document.id,
      kind: document.kind as SettledDocument['kind'],
      number: document.number,
      memberId: document.memberId,
      subjectType: document.subjectType!,
      subjectId: document.subjectId!,
      period: periodOf(document),
      settledOn: today,
    });
  }
}

function paysDocument(line: BankPaymentToRecord, document: LockedDocument): boolean {
  return document.memberId === line.memberId && document.currency === line.currency;
}
