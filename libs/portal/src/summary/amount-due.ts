import type { BillingDocumentSummaryDto } from '@tessera/billing';

type Due = Pick<BillingDocumentSummaryDto, 'kind' | 'amountDue' | 'dueDate' | 'issueDate' | 'number'>;

/** What a member owes on their open documents: totals per currency, and the one to pay first. */
export function amountDue<D extends Due>(
  documents: readonly D[],
): {
  totals: { amount: number; currency: string }[];
  due: D[];
  payNext: D | null;
} {
  const due = documents.filter((document) => document.kind !== 'credit-note' && document.amountDue.amount > 0);
  const totals = new Map<string, number>();
  for (const { amountDue: money } of due) totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
  // The earliest due date first (a document without one last), then the oldest, then by number.
  const order = [...due].sort(
    (a, b) =>
      (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
      a.issueDate.localeCompare(b.issueDate) ||
      a.number.localeCompare(b.number),
  );
  return {
    totals: [...totals]
      .map(([currency, amount]) => ({ amount, currency }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    due,
    payNext: order[0] ?? null,
  };
}
