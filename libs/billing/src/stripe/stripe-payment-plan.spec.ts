import type { PaidSession } from './stripe-event-decision';
import { planSessionPayment, type DocumentPaidOnline } from './stripe-payment-plan';

const session: PaidSession = {
  id: 'cs_test_1',
  amount: 7260,
  currency: 'EUR',
  documentId: 'doc-1',
  memberId: 'member-1',
  paymentIntentId: 'pi_1',
  payer: 'Marie Curie',
};
const document: DocumentPaidOnline = {
  id: 'doc-1',
  number: 'INV-2026-000001',
  memberId: 'member-1',
  currency: 'EUR',
  amountDue: 7260,
};

describe('planSessionPayment', () => {
  it('allocates the amount paid to the document when everything matches', () => {
    expect(planSessionPayment(session, document)).toEqual({
      memberId: 'member-1',
      allocations: [{ documentId: 'doc-1', amount: 7260 }],
      notes: [],
    });
  });

  it('still allocates another amount than what is due, noting it (what is not due becomes credit)', () => {
    expect(planSessionPayment({ ...session, amount: 8000 }, document)).toEqual({
      memberId: 'member-1',
      allocations: [{ documentId: 'doc-1', amount: 8000 }],
      notes: ['Session cs_test_1 paid 8000 EUR, 7260 was due on INV-2026-000001: the rest is credit.'],
    });
    expect(planSessionPayment(session, { ...document, amountDue: 0 })?.notes).toEqual([
      'Session cs_test_1 paid 7260 EUR, 0 was due on INV-2026-000001: the rest is credit.',
    ]);
    expect(planSessionPayment({ ...session, amount: 5000 }, document)?.notes[0]).toContain('it stays partly due');
  });

  it("makes a session in another currency the document's member's credit, allocated to nothing", () => {
    expect(planSessionPayment({ ...session, currency: 'USD' }, document)).toEqual({
      memberId: 'member-1',
      allocations: [],
      notes: ['Session cs_test_1 was paid in USD, INV-2026-000001 is in EUR: recorded as credit, not allocated.'],
    });
  });

  it("makes a session whose metadata names another member the document's member's credit", () => {
    const plan = planSessionPayment({ ...session, memberId: 'member-2' }, document);
    expect(plan).toMatchObject({ memberId: 'member-1', allocations: [] });
    expect(plan?.notes[0]).toContain('names member member-2');
  });

  it('takes the document as it is when the metadata names no member (a session made elsewhere)', () => {
    expect(planSessionPayment({ ...session, memberId: null }, document)?.allocations).toHaveLength(1);
  });

  it('has nobody to credit when the session names no document of ours', () => {
    expect(planSessionPayment(session, null)).toBeNull();
  });
});
