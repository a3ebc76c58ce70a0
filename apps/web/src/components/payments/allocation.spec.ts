import { isPayable, spreadPayment, totalDue } from './allocation';

const doc = (id: string, amount: number) => ({ id, amountDue: { amount, currency: 'EUR' } });

describe('spreadPayment', () => {
  it('pays the documents in the order chosen, each up to what it owes', () => {
    expect(spreadPayment(10_000, [doc('a', 7260), doc('b', 5000)])).toEqual({
      allocations: [
        { documentId: 'a', amount: 7260 },
        { documentId: 'b', amount: 2740 },
      ],
      credit: 0,
    });
  });

  it('keeps what is beyond every document as credit', () => {
    expect(spreadPayment(10_000, [doc('a', 7260)])).toEqual({
      allocations: [{ documentId: 'a', amount: 7260 }],
      credit: 2740,
    });
  });

  it('makes all of it credit when no document is chosen', () => {
    expect(spreadPayment(2500, [])).toEqual({ allocations: [], credit: 2500 });
  });

  it('gives nothing to documents the money does not reach or that owe nothing', () => {
    expect(spreadPayment(3000, [doc('a', 0), doc('b', 3000), doc('c', 1000)])).toEqual({
      allocations: [{ documentId: 'b', amount: 3000 }],
      credit: 0,
    });
  });

  it('never allocates from a negative amount', () => {
    expect(spreadPayment(-5, [doc('a', 100)])).toEqual({ allocations: [], credit: 0 });
  });
});

describe('totalDue', () => {
  it('adds what the documents owe', () => {
    expect(totalDue([doc('a', 7260), doc('b', 40)])).toBe(7300);
    expect(totalDue([])).toBe(0);
  });
});

describe('isPayable', () => {
  const due = { amount: 7260, currency: 'EUR' };
  const none = { amount: 0, currency: 'EUR' };

  it('takes open and partly paid invoices and open pro-formas that owe something', () => {
    expect(isPayable({ kind: 'invoice', state: 'open', amountDue: due })).toBe(true);
    expect(isPayable({ kind: 'invoice', state: 'partially-paid', amountDue: due })).toBe(true);
    expect(isPayable({ kind: 'pro-forma', state: 'open', amountDue: due })).toBe(true);
  });

  it('refuses settled, closed and free documents and credit notes', () => {
    expect(isPayable({ kind: 'invoice', state: 'paid', amountDue: none })).toBe(false);
    expect(isPayable({ kind: 'invoice', state: 'open', amountDue: none })).toBe(false);
    expect(isPayable({ kind: 'pro-forma', state: 'declined', amountDue: due })).toBe(false);
    expect(isPayable({ kind: 'pro-forma', state: 'confirmed', amountDue: none })).toBe(false);
    expect(isPayable({ kind: 'credit-note', state: 'issued', amountDue: none })).toBe(false);
  });
});
