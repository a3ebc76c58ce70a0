import type { PaidSession } from './stripe-event-decision';

/** The document a Checkout Session was created for, as it stands when the money arrives. */
export interface DocumentPaidOnline {
  id: string;
  number: string;
  memberId: string;
  currency: string;
  /** What is owed on it now (0 once paid another way, or when it can no longer be paid). */
  amountDue: number;
}

/** Whose payment it is and what it pays; `notes` say what did not match (logged and kept on the event). */
export interface SessionPaymentPlan {
  memberId: string;
  allocations: { documentId: string; amount: number }[];
  notes: string[];
}

/**
 * Checks a paid session against its document. Money is never lost: a session that does not match
 * (another member in its metadata, another currency) is the document's member's credit, for
 * finance to look at; an amount other than what is due is allocated as far as it goes, and what is
 * not due becomes credit (PaymentsService allocates at most what is due). Null when the session
 * names no document of ours: there is nobody to credit.
 */
export function planSessionPayment(
  session: PaidSession,
  document: DocumentPaidOnline | null,
): SessionPaymentPlan | null {
  if (!document) return null;
  const credit = (note: string): SessionPaymentPlan => ({
    memberId: document.memberId,
    allocations: [],
    notes: [note],
  });
  if (session.memberId !== null && session.memberId !== document.memberId)
    return credit(
      `Session ${session.id} names member ${session.memberId}, but ${document.number} is member ` +
        `${document.memberId}'s: recorded as their credit, not allocated.`,
    );
  if (session.currency !== document.currency)
    return credit(
      `Session ${session.id} was paid in ${session.currency}, ${document.number} is in ${document.currency}: ` +
        'recorded as credit, not allocated.',
    );
  const notes =
    session.amount === document.amountDue
      ? []
      : [
          `Session ${session.id} paid ${session.amount} ${session.currency}, ${document.amountDue} was due on ` +
            `${document.number}: ${session.amount > document.amountDue ? 'the rest is credit' : 'it stays partly due'}.`,
        ];
  return {
    memberId: document.memberId,
    allocations: [{ documentId: document.id, amount: session.amount }],
    notes,
  };
}
