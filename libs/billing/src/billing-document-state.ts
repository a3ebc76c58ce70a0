/**
 * The kinds of billing document and the life of each (issue 13). A document is issued with its
 * number and never edited: a pro-forma is confirmed into an invoice (a new document), an invoice
 * is corrected only by issuing a credit note against it.
 */
export const DOCUMENT_KINDS = ['invoice', 'pro-forma', 'credit-note', 'capital-release'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATES = [
  'open',
  'partially-paid',
  'paid',
  'credited',
  'confirmed',
  'declined',
  'cancelled',
  'issued',
] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

const ALLOWED: Record<DocumentKind, Partial<Record<DocumentState, readonly DocumentState[]>>> = {
  invoice: {
    // Payments move it on; only a credit note takes an unpaid invoice off the books.
    open: ['partially-paid', 'paid', 'credited'],
    // A reversed payment brings back what was due.
    'partially-paid': ['paid', 'open'],
    paid: ['partially-paid', 'open'],
    credited: [],
  },
  'pro-forma': {
    // Confirmed into an invoice (by staff, or by the member's payment), declined by the member
    // ("I will not renew"), or cancelled by staff.
    open: ['confirmed', 'declined', 'cancelled'],
    confirmed: [],
    // "I will renew after all": undone while the period it bills has not begun.
    declined: ['open'],
    cancelled: [],
  },
  // A credit note is a final record: issued, and stays so.
  'credit-note': { issued: [] },
  // A co-operative's call for share capital (issue 18): paid like an invoice, never credited
  // (shares are redeemed through the register instead). Not subject to VAT.
  'capital-release': {
    open: ['partially-paid', 'paid'],
    'partially-paid': ['paid', 'open'],
    paid: ['partially-paid', 'open'],
  },
};

/** The state a document of this kind is issued in. */
export const INITIAL_STATE: Record<DocumentKind, DocumentState> = {
  invoice: 'open',
  'pro-forma': 'open',
  'credit-note': 'issued',
  'capital-release': 'open',
};

/** The one rule deciding which state changes a document of this kind may make. */
export function canTransition(kind: DocumentKind, from: DocumentState, to: DocumentState): boolean {
  return ALLOWED[kind][from]?.includes(to) ?? false;
}

const KIND_NAMES: Record<DocumentKind, string> = {
  invoice: 'invoice',
  'pro-forma': 'pro-forma',
  'credit-note': 'credit note',
  'capital-release': 'capital release request',
};

/** Why a change is refused, in words staff understand (null when it is allowed). */
export function transitionRefusal(kind: DocumentKind, from: DocumentState, to: DocumentState): string | null {
  if (canTransition(kind, from, to)) return null;
  const name = KIND_NAMES[kind];
  if (!(from in ALLOWED[kind])) return `A ${name} is never ${from}.`;
  if (from === to) return `This ${name} is already ${from}.`;
  return `This ${name} is ${from}; it cannot become ${to}.`;
}

/** Documents a member owes money on: what the payment reference and the amount due are for. */
export function isPayable(kind: DocumentKind, state: DocumentState): boolean {
  return (
    (isSettledByAllocation(kind) && (state === 'open' || state === 'partially-paid')) ||
    (kind === 'pro-forma' && state === 'open')
  );
}

/** Kinds that money is allocated to directly (a pro-forma is first confirmed into an invoice). */
export function isSettledByAllocation(kind: DocumentKind): kind is 'invoice' | 'capital-release' {
  return kind === 'invoice' || kind === 'capital-release';
}

/** SQL condition: the document `alias` is owed money (the SQL twin of `isPayable`). */
export function payableSql(alias: string): string {
  return `((${alias}.kind IN ('invoice','capital-release') AND ${alias}.state IN ('open','partially-paid')) OR (${alias}.kind = 'pro-forma' AND ${alias}.state = 'open'))`;
}

/** The invoice state that matches what is allocated to it (open, partially paid, paid). */
export function settlementState(gross: number, allocated: number): DocumentState {
  if (allocated >= gross) return 'paid';
  return allocated > 0 ? 'partially-paid' : 'open';
}

/** Number series: invoices and credit notes are gapless per year; pro-formas have their own. */
export const SERIES_PREFIX: Record<DocumentKind, string> = {
  invoice: 'INV',
  'pro-forma': 'PRO',
  'credit-note': 'CN',
  'capital-release': 'CRR',
};
