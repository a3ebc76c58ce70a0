import { amountDue } from './amount-due';

const doc = (
  number: string,
  amount: number,
  changes: {
    kind?: 'invoice' | 'pro-forma' | 'credit-note';
    dueDate?: string | null;
    currency?: string;
    issueDate?: string;
  } = {},
) => ({
  number,
  kind: changes.kind ?? 'invoice',
  amountDue: { amount, currency: changes.currency ?? 'EUR' },
  dueDate: changes.dueDate === undefined ? '2026-02-01' : changes.dueDate,
  issueDate: changes.issueDate ?? '2026-01-01',
});

describe('amountDue', () => {
  it('adds what open invoices and pro-formas owe, per currency, and leaves out settled ones and credit notes', () => {
    const result = amountDue([
      doc('INV-1', 5000),
      doc('PRO-1', 2500, { kind: 'pro-forma' }),
      doc('INV-2', 0),
      doc('CN-1', 1000, { kind: 'credit-note' }),
      doc('INV-3', 700, { currency: 'CHF' }),
    ]);
    expect(result.totals).toEqual([
      { amount: 700, currency: 'CHF' },
      { amount: 7500, currency: 'EUR' },
    ]);
    expect(result.due.map((d) => d.number)).toEqual(['INV-1', 'PRO-1', 'INV-3']);
  });

  it('pays first the earliest due, then the oldest; a document without a due date last', () => {
    const result = amountDue([
      doc('PRO-9', 100, { kind: 'pro-forma', dueDate: null }),
      doc('INV-2', 100, { dueDate: '2026-03-01' }),
      doc('INV-1', 100, { dueDate: '2026-02-01', issueDate: '2026-01-05' }),
      doc('INV-0', 100, { dueDate: '2026-02-01', issueDate: '2026-01-02' }),
    ]);
    expect(result.payNext?.number).toBe('INV-0');
  });

  it('owes nothing when nothing is open', () => {
    expect(amountDue([doc('INV-1', 0)])).toEqual({ totals: [], due: [], payNext: null });
  });
});
