import type { BillingDocumentSummary } from '@/api/types';
import { isPayable } from '@/components/payments/allocation';

type Document = Pick<BillingDocumentSummary, 'kind' | 'state' | 'amountDue' | 'period'>;

/** What a member can do with one of their documents in "My invoices". */
export interface PortalDocumentActions {
  /**
   * How to pay what it owes: `online` (the Pay button, Stripe Checkout) only when the organisation
   * offers it; else `bank-transfer` (a hint with its reference); null when nothing is due.
   */
  pay: 'online' | 'bank-transfer' | null;
  /** "I will not renew": an open renewal pro-forma (one for a period of membership). */
  decline: boolean;
  /** "Renew after all": a declined renewal pro-forma whose period has not begun (`today` is a local date). */
  reopen: boolean;
}

export function portalDocumentActions(
  document: Document,
  onlinePayment: boolean,
  today: string,
): PortalDocumentActions {
  const renewal = document.kind === 'pro-forma' && document.period !== null;
  return {
    pay: isPayable(document) ? (onlinePayment ? 'online' : 'bank-transfer') : null,
    decline: renewal && document.state === 'open',
    reopen: renewal && document.state === 'declined' && !!document.period && document.period.start > today,
  };
}

/** Paid, or (a pro-forma) confirmed into its invoice by the payment: what "Thank you" waits for. */
export function isSettled(document: Pick<BillingDocumentSummary, 'kind' | 'state'>): boolean {
  return document.state === 'paid' || (document.kind === 'pro-forma' && document.state === 'confirmed');
}
