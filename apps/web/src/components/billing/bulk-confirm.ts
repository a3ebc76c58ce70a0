import type { BillingDocumentSummary } from '@/api/types';

type Row = Pick<BillingDocumentSummary, 'id' | 'kind' | 'state' | 'issueDate' | 'number'>;

/** A document staff can confirm into an invoice: an open pro-forma. */
export function isConfirmable(row: Pick<Row, 'kind' | 'state'>): boolean {
  return row.kind === 'pro-forma' && row.state === 'open';
}

/**
 * The order to confirm in, which is the order the invoices are numbered in: as the pro-formas
 * were issued (date, then number), not as the list (newest first) shows them.
 */
export function confirmationOrder<T extends Row>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number));
}

/** The keys still worth keeping checked after the list changed: those of confirmable rows shown. */
export function keepSelectable(keys: readonly string[], rows: Row[]): string[] {
  const selectable = new Set(rows.filter(isConfirmable).map((row) => row.id));
  return keys.filter((key) => selectable.has(key));
}

/** The quick filter "Open pro-formas": the list's kind and state filters both set. */
export const OPEN_PRO_FORMAS = { kind: 'pro-forma', state: 'open' } as const;

export function isOpenProFormasView(filters: { kind: string; state: string }): boolean {
  return filters.kind === OPEN_PRO_FORMAS.kind && filters.state === OPEN_PRO_FORMAS.state;
}
