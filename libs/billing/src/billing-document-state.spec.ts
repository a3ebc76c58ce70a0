import {
  canTransition,
  DOCUMENT_KINDS,
  DOCUMENT_STATES,
  INITIAL_STATE,
  isPayable,
  settlementState,
  transitionRefusal,
  type DocumentKind,
  type DocumentState,
} from './billing-document-state';

const LEGAL: Record<DocumentKind, [DocumentState, DocumentState][]> = {
  invoice: [
    ['open', 'partially-paid'],
    ['open', 'paid'],
    ['open', 'credited'],
    ['partially-paid', 'paid'],
    ['partially-paid', 'open'],
    ['paid', 'partially-paid'],
    ['paid', 'open'],
  ],
  'pro-forma': [
    ['open', 'confirmed'],
    ['open', 'declined'],
    ['open', 'cancelled'],
    ['declined', 'open'],
  ],
  'credit-note': [],
  // Paid like an invoice, never credited (shares leave through the register).
  'capital-release': [
    ['open', 'partially-paid'],
    ['open', 'paid'],
    ['partially-paid', 'paid'],
    ['partially-paid', 'open'],
    ['paid', 'partially-paid'],
    ['paid', 'open'],
  ],
};

describe('billing document states', () => {
  const cases = DOCUMENT_KINDS.flatMap((kind) =>
    DOCUMENT_STATES.flatMap((from) => DOCUMENT_STATES.map((to) => [kind, from, to] as const)),
  );

  it.each(cases)('%s: %s → %s is allowed exactly when listed', (kind, from, to) => {
    const legal = LEGAL[kind].some(([a, b]) => a === from && b === to);
    expect(canTransition(kind, from, to)).toBe(legal);
    expect(transitionRefusal(kind, from, to) === null).toBe(legal);
  });

  it('issues invoices and pro-formas open, credit notes issued', () => {
    expect(INITIAL_STATE).toEqual({
      invoice: 'open',
      'pro-forma': 'open',
      'credit-note': 'issued',
      'capital-release': 'open',
    });
  });

  it('says why a change is refused', () => {
    expect(transitionRefusal('invoice', 'paid', 'credited')).toBe('This invoice is paid; it cannot become credited.');
    expect(transitionRefusal('pro-forma', 'confirmed', 'confirmed')).toBe('This pro-forma is already confirmed.');
    expect(transitionRefusal('credit-note', 'open', 'paid')).toBe('A credit note is never open.');
    expect(transitionRefusal('capital-release', 'open', 'credited')).toBe(
      'This capital release request is open; it cannot become credited.',
    );
  });

  it('knows what is payable', () => {
    expect(isPayable('invoice', 'open')).toBe(true);
    expect(isPayable('invoice', 'partially-paid')).toBe(true);
    expect(isPayable('invoice', 'paid')).toBe(false);
    expect(isPayable('invoice', 'credited')).toBe(false);
    expect(isPayable('pro-forma', 'open')).toBe(true);
    expect(isPayable('pro-forma', 'declined')).toBe(false);
    expect(isPayable('credit-note', 'issued')).toBe(false);
    expect(isPayable('capital-release', 'open')).toBe(true);
    expect(isPayable('capital-release', 'partially-paid')).toBe(true);
    expect(isPayable('capital-release', 'paid')).toBe(false);
  });

  it('derives the invoice state from what is allocated', () => {
    expect(settlementState(1000, 0)).toBe('open');
    expect(settlementState(1000, 1)).toBe('partially-paid');
    expect(settlementState(1000, 1000)).toBe('paid');
    expect(settlementState(0, 0)).toBe('paid');
  });
});
