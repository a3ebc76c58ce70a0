import { Injectable } from '@nestjs/common';
import {
  addDays,
  Clock,
  formatYearlyReference,
  OutboxService,
  ProblemException,
  Transactions,
  localDateIn,
} from '@tessera/core';
import { MembersService } from '@tessera/members';
import { OrganisationSettingsService } from '@tessera/settings';
import { applyToOwing } from './arithmetic/allocation-arithmetic';
import { priceLines } from './arithmetic/document-arithmetic';
import { paymentReferenceFor } from './references/payment-reference';
import {
  INITIAL_STATE,
  isPayable,
  isSettledByAllocation,
  SERIES_PREFIX,
  settlementState,
  transitionRefusal,
  type DocumentKind,
  type DocumentState,
} from './billing-document-state';
import { BillingDocumentRepository } from './billing-document.repository';
import { ANNOUNCE_DOCUMENT_JOB, BILLING_QUEUE, type AnnounceDocumentPayload } from './billing.queue';
import type { BillingParty, DocumentToIssue, IssuedDocument, LineToBill, SubjectInvoice } from './billing.types';
import type { BillingDocument } from './entities/billing-document.entity';
import { lineToBillOf, periodOf } from './document-lines';
import { PaymentRepository } from './payments/payment.repository';
import { SettlementListeners, type SettledDocument } from './settlement-listener';

/** Who did it, when staff did (null: the system, a member's own action). */
export interface BillingActor {
  userId: string | null;
}

/**
 * Issues documents and moves them through their lives. Every method runs in the caller's
 * transaction when there is one (`Transactions.run` joins it): a subscription and its first
 * invoice commit together, or neither does.
 */
@Injectable()
export class BillingDocumentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly documents: BillingDocumentRepository,
    private readonly members: MembersService,
    private readonly settings: OrganisationSettingsService,
    private readonly listeners: SettlementListeners,
    private readonly payments: PaymentRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues an invoice or a pro-forma for a member: priced lines, the next number of its series,
   * a structured payment reference and a due date. A zero invoice is settled at once.
   */
  async issue(request: DocumentToIssue): Promise<IssuedDocument> {
    return this.transactions.run(async () => {
      const buyer = await this.members.billingDetails(request.memberId);
      const document = await this.insertDocument({
        kind: request.kind,
        memberId: request.memberId,
        buyer: {
          name: buyer.name,
          address: buyer.address,
          companyNumber: buyer.companyNumber,
          vatNumber: buyer.vatNumber,
          memberNumber: buyer.memberNumber,
          email: buyer.email,
        },
        locale: buyer.locale,
        currency: request.currency,
        lines: request.lines,
        period: request.period ?? null,
        subject: request.subject,
        relatedDocumentId: null,
        reason: null,
        issuedByUserId: request.issuedByUserId ?? null,
      });
      if (document.kind === 'invoice') await this.settleOrUseCredit(document);
      return issuedOf(document);
    });
  }

  /**
   * Confirms a pro-forma into an invoice with its own number, keeping the link. Confirming again
   * (or twice at once: the pro-forma is locked) answers with the same invoice.
   */
  async confirmProForma(id: string, actor: BillingActor): Promise<BillingDocument> {
    return this.transactions.run(async () => {
      const proForma = await this.lockDocument(id);
      if (proForma.kind !== 'pro-forma')
        throw ProblemException.conflict(
          `${proForma.number} is not a pro-forma; only pro-formas are confirmed.`,
          'not-a-pro-forma',
        );
      if (proForma.state === 'confirmed') return this.relatedOf(proForma.id, 'invoice');
      this.assertCanMove(proForma, 'confirmed');
      await this.close(proForma, 'confirmed', null);
      const invoice = await this.insertDocument({
        ...copyOf(proForma),
        kind: 'invoice',
        relatedDocumentId: proForma.id,
        reason: null,
        issuedByUserId: actor.userId,
      });
      await this.settleOrUseCredit(invoice);
      return invoice;
    });
  }

  /**
   * A member's "I will not renew", or staff declining on their behalf: the pro-forma is closed and
   * its subject's listener told. Declining again answers the same.
   */
  async declineProForma(id: string, reason: string | null): Promise<BillingDocument> {
    return this.transactions.run(async () => {
      const proForma = await this.lockDocument(id);
      if (proForma.kind === 'pro-forma' && proForma.state === 'declined') return proForma;
      this.assertCanMove(proForma, 'declined');
      await this.close(proForma, 'declined', reason);
      const listener = this.listeners.listenerFor(proForma.subjectType);
      if (listener?.onDeclined) await listener.onDeclined(settledOf(proForma, await this.today()), reason);
      return proForma;
    });
  }

  /** Undoes a decline while the period the pro-forma bills has not begun. */
  async reopenProForma(id: string): Promise<BillingDocument> {
    return this.transactions.run(async () => {
      const proForma = await this.lockDocument(id);
      this.assertCanMove(proForma, 'open');
      const today = await this.today();
      if (proForma.periodStart && proForma.periodStart <= today)
        throw ProblemException.conflict(
          `${proForma.number} bills a period that began on ${proForma.periodStart}: its decline can no longer be undone.`,
          'period-begun',
        );
      proForma.state = 'open';
      proForma.reason = null;
      proForma.closedAt = null;
      proForma.updatedAt = this.clock.now();
      await this.documents.update(proForma);
      const listener = this.listeners.listenerFor(proForma.subjectType);
      if (listener?.onReopened) await listener.onReopened(settledOf(proForma, today));
      return proForma;
    });
  }

  /**
   * Locks a subject's open pro-formas, changing nothing. Paying a document locks it and then, as it
   * settles, its subject (the listener); a change of the subject that may cancel its pro-formas
   * calls this BEFORE it locks the subject, so both take the locks in that order and never wait on
   * each other in a cycle (docs/architecture.md, "Lock order"). Needs the caller's transaction.
   */
  async lockOpenProFormas(subject: { type: string; id: string }): Promise<void> {
    if (!this.transactions.inTransaction) throw new Error('lockOpenProFormas needs the caller’s transaction');
    await this.documents.lockOpenProFormasOf(subject.type, subject.id);
  }

  /**
   * Cancels a subject's open pro-formas for periods starting on or after `from` (a plan change or
   * a termination makes them wrong): no listener is told, the subject's domain asked for it.
   * Returns the periods cancelled, in order.
   */
  async cancelOpenProFormas(
    subject: { type: string; id: string },
    from: string,
    reason: string,
  ): Promise<{ number: string; period: { start: string; end: string } }[]> {
    return this.transactions.run(async () => {
      const cancelled: { number: string; period: { start: string; end: string } }[] = [];
      for (const proForma of await this.documents.lockOpenProFormasFrom(subject.type, subject.id, from)) {
        this.assertCanMove(proForma, 'cancelled');
        await this.close(proForma, 'cancelled', reason);
        const period = periodOf(proForma);
        if (period) cancelled.push({ number: proForma.number, period });
      }
      return cancelled;
    });
  }

  /**
   * Credits an unpaid invoice in full with a credit note (an issued invoice is never edited).
   * Crediting again answers with the same credit note.
   */
  async creditInvoice(id: string, reason: string, actor: BillingActor): Promise<BillingDocument> {
    return this.transactions.run(async () => {
      const invoice = await this.lockDocument(id);
      if (invoice.kind !== 'invoice')
        throw ProblemException.conflict(
          `${invoice.number} is not an invoice; only invoices are credited.`,
          'not-an-invoice',
        );
      if (invoice.state === 'credited') return this.relatedOf(invoice.id, 'credit-note');
      if (invoice.state !== 'open')
        throw ProblemException.conflict(
          `${invoice.number} is ${invoice.state}: payments are allocated to it. Reverse them before crediting it.`,
          'invoice-has-payments',
        );
      this.assertCanMove(invoice, 'credited');
      await this.close(invoice, 'credited', reason);
      const creditNote = await this.insertDocument({
        ...copyOf(invoice),
        kind: 'credit-note',
        relatedDocumentId: invoice.id,
        reason,
        issuedByUserId: actor.userId,
      });
      const listener = this.listeners.listenerFor(invoice.subjectType);
      if (listener?.onCredited) await listener.onCredited(settledOf(invoice, await this.today()), reason);
      return creditNote;
    });
  }

  /**
   * Applies money to an invoice (exactly `amount`, at most what is due): its state follows what
   * is covered, and once paid in full its subject's listener hears of it.
   */
  async allocate(id: string, amount: number, paymentId: string | null): Promise<BillingDocument> {
    return this.transactions.run(async () => {
      const invoice = await this.lockDocument(id);
      if (!isSettledByAllocation(invoice.kind) || !isPayable(invoice.kind, invoice.state))
        throw ProblemException.conflict(`${invoice.number} is not an invoice awaiting payment.`, 'not-payable');
      const due = invoice.grossAmount - invoice.allocatedAmount;
      if (!Number.isInteger(amount) || amount <= 0 || amount > due)
        throw ProblemException.validation([{ field: 'amount', message: `must be between 1 and ${due} (what is due)` }]);
      await this.applyToInvoice(invoice, amount, paymentId);
      return invoice;
    });
  }

  /**
   * Applies up to `amount` of a payment to a document of the payer's: a pro-forma is confirmed
   * into its invoice first. Returns what was applied (0 when nothing is due) and the invoice.
   * The document is locked, so concurrent payments never cover more than it owes.
   */
  async allocateUpTo(
    id: string,
    payment: { id: string; memberId: string; currency: string },
    amount: number,
  ): Promise<{ allocated: number; invoice: BillingDocument }> {
    return this.transactions.run(async () => {
      let document = await this.lockDocument(id);
      if (document.memberId !== payment.memberId || document.currency !== payment.currency)
        throw ProblemException.validation([
          { field: 'allocations', message: `${document.number} is not a ${payment.currency} document of this member` },
        ]);
      if (document.kind === 'pro-forma' && document.state === 'open')
        document = await this.confirmProForma(document.id, { userId: null });
      else if (document.kind === 'pro-forma' && document.state === 'confirmed')
        document = await this.relatedOf(document.id, 'invoice');
      if (!isSettledByAllocation(document.kind) || !isPayable(document.kind, document.state))
        return { allocated: 0, invoice: document };
      // Locked above unless a pro-forma led to its invoice.
      const invoice = document.id === id ? document : await this.lockDocument(document.id);
      const { applied: allocated } = applyToOwing(amount, invoice);
      if (allocated > 0) await this.applyToInvoice(invoice, allocated, payment.id);
      return { allocated, invoice };
    });
  }

  /**
   * Takes back what an allocation covered (a payment reversed): the invoice is due again, and
   * when it was paid in full its subject's listener hears of it, as of a settlement.
   */
  async unallocate(documentId: string, amount: number): Promise<void> {
    await this.transactions.run(async () => {
      const invoice = await this.lockDocument(documentId);
      const to = settlementState(invoice.grossAmount, invoice.allocatedAmount - amount);
      const unsettled = invoice.state === 'paid' && to !== 'paid';
      if (invoice.state !== 'credited') this.assertCanMove(invoice, to === invoice.state ? invoice.state : to, true);
      invoice.allocatedAmount -= amount;
      if (invoice.state !== 'credited') invoice.state = to;
      if (to !== 'paid') invoice.settledAt = null;
      invoice.updatedAt = this.clock.now();
      await this.documents.update(invoice);
      const listener = unsettled ? this.listeners.listenerFor(invoice.subjectType) : undefined;
      if (listener?.onUnsettled) await listener.onUnsettled(settledOf(invoice, await this.today()));
    });
  }

  /**
   * A new invoice: nothing to pay settles it at once; otherwise the member's credit (money paid
   * beyond what they owed) is used first, oldest payment first.
   */
  private async settleOrUseCredit(invoice: BillingDocument): Promise<void> {
    if (invoice.grossAmount === 0) return this.settle(invoice);
    for (const payment of await this.payments.lockCredit(invoice.memberId, invoice.currency)) {
      const { applied: amount, left } = applyToOwing(payment.unallocatedAmount, invoice);
      if (amount === 0) break;
      payment.unallocatedAmount = left;
      await this.payments.update(payment);
      await this.applyToInvoice(invoice, amount, payment.id);
    }
  }

  private async applyToInvoice(invoice: BillingDocument, amount: number, paymentId: string | null): Promise<void> {
    await this.documents.insertAllocation({
      documentId: invoice.id,
      paymentId,
      amount,
      allocatedAt: this.clock.now(),
      reversedAt: null,
    });
    invoice.allocatedAmount += amount;
    if (invoice.allocatedAmount === invoice.grossAmount) await this.settle(invoice);
    else {
      invoice.state = settlementState(invoice.grossAmount, invoice.allocatedAmount);
      invoice.updatedAt = this.clock.now();
      await this.documents.update(invoice);
    }
  }

  /**
   * The invoices billing periods of a domain's subjects (credited ones left out), each with the
   * local date it was settled — what the member status engine reads.
   */
  async subjectInvoices(subjectType: string, subjectIds: string[]): Promise<SubjectInvoice[]> {
    return this.documents.subjectInvoices(subjectType, subjectIds, await this.zone());
  }

  /** Today in the organisation's time zone: issue dates, due dates and "overdue" are measured in it. */
  async today(): Promise<string> {
    return localDateIn(await this.zone(), this.clock.now());
  }

  private async zone(): Promise<string> {
    return (await this.settings.billingTerms()).timeZone;
  }

  private async insertDocument(draft: {
    kind: DocumentKind;
    memberId: string;
    buyer: BillingParty;
    locale: 'en' | 'fr';
    currency: string;
    lines: LineToBill[];
    period: { start: string; end: string } | null;
    subject: { type: string; id: string } | null;
    relatedDocumentId: string | null;
    reason: string | null;
    issuedByUserId: string | null;
  }): Promise<BillingDocument> {
    const profile = await this.settings.billingTerms();
    const now = this.clock.now();
    const issueDate = localDateIn(profile.timeZone, now);
    const priced = priceLines(draft.lines);
    const year = Number(issueDate.slice(0, 4));
    const prefix = SERIES_PREFIX[draft.kind];
    const number = formatYearlyReference(prefix, year, await this.documents.nextNumber(prefix, year));
    const payable = draft.kind !== 'credit-note' && priced.totals.gross > 0;
    const paymentReference = payable
      ? paymentReferenceFor(profile.referenceScheme, await this.documents.nextReferenceSequence())
      : null;
    return this.documents
      .insert({
        kind: draft.kind,
        state: INITIAL_STATE[draft.kind],
        number,
        memberId: draft.memberId,
        buyer: draft.buyer,
        locale: draft.locale,
        currency: draft.currency,
        netAmount: priced.totals.net,
        taxAmount: priced.totals.tax,
        grossAmount: priced.totals.gross,
        allocatedAmount: 0,
        issueDate,
        dueDate: draft.kind === 'credit-note' ? null : addDays(issueDate, profile.paymentTermsDays),
        periodStart: draft.period?.start ?? null,
        periodEnd: draft.period?.end ?? null,
        paymentReference,
        subjectType: draft.subject?.type ?? null,
        subjectId: draft.subject?.id ?? null,
        relatedDocumentId: draft.relatedDocumentId,
        reason: draft.reason,
        pdfKey: null,
        pdfSha256: null,
        announcedAt: null,
        issuedAt: now,
        issuedByUserId: draft.issuedByUserId,
        settledAt: null,
        closedAt: null,
        updatedAt: now,
        lines: draft.lines.map((line, position) => ({
          position,
          description: line.description,
          periodStart: line.period?.start ?? null,
          periodEnd: line.period?.end ?? null,
          quantity: line.quantity,
          unitPrice: line.unitPrice,
          taxRateBps: line.taxRateBps,
          netAmount: priced.lines[position].net,
          taxAmount: priced.lines[position].tax,
        })),
      } as Omit<BillingDocument, 'id'>)
      .then(async (document) => {
        await this.outbox.publish<AnnounceDocumentPayload>({
          queue: BILLING_QUEUE,
          name: ANNOUNCE_DOCUMENT_JOB,
          payload: { documentId: document.id },
        });
        return document;
      });
  }

  /** Paid in full (or nothing to pay): the document is settled and its subject's listener told. */
  private async settle(document: BillingDocument): Promise<void> {
    this.assertCanMove(document, 'paid');
    const now = this.clock.now();
    document.state = 'paid';
    document.settledAt = now;
    document.updatedAt = now;
    await this.documents.update(document);
    const listener = this.listeners.listenerFor(document.subjectType);
    if (listener) await listener.onSettled(settledOf(document, await this.today()));
  }

  private async close(document: BillingDocument, to: DocumentState, reason: string | null): Promise<void> {
    const now = this.clock.now();
    document.state = to;
    document.reason = reason;
    document.closedAt = now;
    document.updatedAt = now;
    await this.documents.update(document);
  }

  private async lockDocument(id: string): Promise<BillingDocument> {
    const document = await this.documents.lockById(id);
    if (!document) throw documentNotFound();
    return document;
  }

  private async relatedOf(id: string, kind: DocumentKind): Promise<BillingDocument> {
    const related = (await this.documents.findRelatedTo(id)).find((document) => document.kind === kind);
    if (!related) throw new Error(`Document ${id} is closed without its ${kind}`);
    return (await this.documents.findById(related.id)) as BillingDocument;
  }

  private assertCanMove(document: BillingDocument, to: DocumentState, sameIsFine = false): void {
    if (sameIsFine && document.state === to) return;
    const refusal = transitionRefusal(document.kind, document.state, to);
    if (refusal) throw ProblemException.conflict(`${document.number}: ${refusal}`, 'illegal-transition');
  }
}

export function documentNotFound(): ProblemException {
  return ProblemException.notFound('No invoice, pro-forma or credit note has this id.', 'document-not-found');
}

/** What a new document takes over from the one it confirms or credits: same buyer, lines, subject. */
function copyOf(document: BillingDocument) {
  return {
    memberId: document.memberId,
    buyer: document.buyer,
    locale: document.locale,
    currency: document.currency,
    lines: document.lines.map(lineToBillOf),
    period: periodOf(document),
    subject: document.subjectType && document.subjectId ? { type: document.subjectType, id: document.subjectId } : null,
  };
}

function issuedOf(document: BillingDocument): IssuedDocument {
  return {
    id: document.id,
    kind: document.kind as SettledDocument['kind'],
    number: document.number,
    state: document.state,
    grossAmount: document.grossAmount,
    paymentReference: document.paymentReference,
  };
}

function settledOf(document: BillingDocument, on: string): SettledDocument {
  return {
    documentId: document.id,
    kind: document.kind as SettledDocument['kind'],
    number: document.number,
    memberId: document.memberId,
    subjectType: document.subjectType as string,
    subjectId: document.subjectId as string,
    period: periodOf(document),
    settledOn: on,
  };
}
