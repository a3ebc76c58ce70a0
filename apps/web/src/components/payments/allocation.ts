import type { BillingDocumentState, BillingDocumentSummary } from '@/api/types';

/** The states in which a document can still be paid: an open invoice or pro-forma, a partly paid invoice. */
export const PAYABLE_STATES: readonly BillingDocumentState[] = ['open', 'partially-paid'];

/** Whether money can still go to this document. */
export function isPayable(document: Pick<BillingDocumentSummary, 'kind' | 'state' | 'amountDue'>): boolean {
  return document.kind !== 'credit-note' && PAYABLE_STATES.includes(document.state) && document.amountDue.amount > 0;
}

/** A document a payment may go to: what it still owes, in its currency. */
export interface Payable {
  id: string;
  amountDue: { amount: number; currency: string };
}

export interface Spread {
  allocations: { documentId: string; amount: number }[];
  /** What is left once every chosen document is paid: the member's credit. */
  credit: number;
}

/**
 * Spreads `amount` (minor units) over the chosen documents in order, each getting at most what it
 * owes, as the API applies it; the rest is credit. A document owing nothing gets nothing.
 */
export function spreadPayment(amount: number, documents: readonly Payable[]): Spread {
  let left = Math.max(0, amount);
  const allocations: Spread['allocations'] = [];
  for (const document of documents) {
    const share = Math.min(left, document.amountDue.amount);
    if (share <= 0) continue;
    allocations.push({ documentId: document.id, amount: share });
    left -= share;
  }
  return { allocations, credit: left };
}

/** What the chosen documents owe together, in minor units (the amount a payment form starts with). */
export function totalDue(documents: readonly Payable[]): number {
  return documents.reduce((total, document) => total + document.amountDue.amount, 0);
}
