import { isSettled, portalDocumentActions } from './document-actions';

const due = { amount: 7260, currency: 'EUR' };
const nothing = { amount: 0, currency: 'EUR' };
const nextYear = { start: '2027-01-01', end: '2027-12-31' };
const today = '2026-12-10';

describe('portalDocumentActions', () => {
  it('offers the Pay button on an open invoice only when online payment is configured', () => {
    const invoice = { kind: 'invoice', state: 'open', amountDue: due, period: null } as const;
    expect(portalDocumentActions(invoice, true, today).pay).toBe('online');
    expect(portalDocumentActions(invoice, false, today).pay).toBe('bank-transfer');
  });

  it('offers no way to pay a document that owes nothing', () => {
    const paid = { kind: 'invoice', state: 'paid', amountDue: nothing, period: null } as const;
    expect(portalDocumentActions(paid, true, today)).toEqual({ pay: null, decline: false, reopen: false });
    const credited = { kind: 'credit-note', state: 'issued', amountDue: nothing, period: null } as const;
    expect(portalDocumentActions(credited, true, today).pay).toBeNull();
  });

  it('lets the member pay or decline an open renewal pro-forma', () => {
    const proForma = { kind: 'pro-forma', state: 'open', amountDue: due, period: nextYear } as const;
    expect(portalDocumentActions(proForma, false, today)).toEqual({
      pay: 'bank-transfer',
      decline: true,
      reopen: false,
    });
  });

  it('does not offer "I will not renew" on a pro-forma that is not for a period', () => {
    const order = { kind: 'pro-forma', state: 'open', amountDue: due, period: null } as const;
    expect(portalDocumentActions(order, true, today).decline).toBe(false);
  });

  it('offers "Renew after all" on a declined renewal until its period begins', () => {
    const declined = { kind: 'pro-forma', state: 'declined', amountDue: due, period: nextYear } as const;
    expect(portalDocumentActions(declined, true, today)).toEqual({ pay: null, decline: false, reopen: true });
    expect(portalDocumentActions(declined, true, '2027-01-01').reopen).toBe(false);
  });
});

describe('isSettled', () => {
  it('is paid for an invoice and confirmed for a pro-forma', () => {
    expect(isSettled({ kind: 'invoice', state: 'paid' })).toBe(true);
    expect(isSettled({ kind: 'pro-forma', state: 'confirmed' })).toBe(true);
    expect(isSettled({ kind: 'invoice', state: 'partially-paid' })).toBe(false);
    expect(isSettled({ kind: 'pro-forma', state: 'open' })).toBe(false);
  });
});
