import type { LineToBill } from './billing.types';
import type { BillingDocumentLine } from './entities/billing-document-line.entity';

/** A stored period (both ends, or neither) as `{start, end}`. */
export function periodOf(row: {
  periodStart: string | null;
  periodEnd: string | null;
}): { start: string; end: string } | null {
  return row.periodStart && row.periodEnd ? { start: row.periodStart, end: row.periodEnd } : null;
}

/** A stored line as it was asked to be billed (what a confirming invoice or a credit note repeats). */
export function lineToBillOf(line: BillingDocumentLine): LineToBill {
  return {
    description: line.description,
    period: periodOf(line),
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxRateBps: line.taxRateBps,
  };
}
