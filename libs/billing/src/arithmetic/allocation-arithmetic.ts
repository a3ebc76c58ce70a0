/** What a document owes: its gross and what payments already cover, in minor units. */
export interface Owing {
  grossAmount: number;
  allocatedAmount: number;
}

/** A payment (or part of one) offered to a document, and what came of it. */
export interface Applied {
  /** Put on the document: never more than it owes, nor than was offered. */
  applied: number;
  /** What the document does not take: the payer's credit unless another document takes it. */
  left: number;
  /** What the document's payments cover afterwards. */
  allocatedAmount: number;
}

/**
 * The one rule every way of paying follows (a payment recorded, a bank line, credit used on a
 * new invoice): a document takes at most what it still owes, the rest stays with the payer.
 * `payable` false (paid, credited, declined) takes nothing.
 */
export function applyToOwing(offered: number, document: Owing, payable = true): Applied {
  if (!Number.isSafeInteger(offered) || offered < 0) throw new Error(`An offered amount must be ≥ 0, got ${offered}`);
  const owed = payable ? Math.max(0, document.grossAmount - document.allocatedAmount) : 0;
  const applied = Math.min(offered, owed);
  return { applied, left: offered - applied, allocatedAmount: document.allocatedAmount + applied };
}
