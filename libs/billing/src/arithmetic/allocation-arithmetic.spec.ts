import fc from 'fast-check';
import { settlementState } from '../billing-document-state';
import { applyToOwing } from './allocation-arithmetic';

const owing = (grossAmount: number, allocatedAmount = 0) => ({ grossAmount, allocatedAmount });

describe('applyToOwing', () => {
  it.each([
    ['exactly what is owed', 7260, owing(7260), { applied: 7260, left: 0, allocatedAmount: 7260 }],
    ['part of it', 4000, owing(10000), { applied: 4000, left: 0, allocatedAmount: 4000 }],
    [
      'the rest of a partly paid document',
      6000,
      owing(10000, 4000),
      { applied: 6000, left: 0, allocatedAmount: 10000 },
    ],
    ['more than is owed: the rest is left', 8000, owing(5000), { applied: 5000, left: 3000, allocatedAmount: 5000 }],
    ['to a document already paid', 1000, owing(5000, 5000), { applied: 0, left: 1000, allocatedAmount: 5000 }],
    ['nothing', 0, owing(5000), { applied: 0, left: 0, allocatedAmount: 0 }],
  ])('applies %s', (_what, offered, document, expected) => {
    expect(applyToOwing(offered, document)).toEqual(expected);
  });

  it('applies nothing to a document that is not payable (credited, declined)', () => {
    expect(applyToOwing(3000, owing(5000), false)).toEqual({ applied: 0, left: 3000, allocatedAmount: 0 });
  });

  it('refuses a negative or fractional amount: a caller’s bug, not a refund', () => {
    expect(() => applyToOwing(-1, owing(5000))).toThrow(/≥ 0/);
    expect(() => applyToOwing(10.5, owing(5000))).toThrow(/≥ 0/);
  });

  it('property: never more than offered nor than owed, and nothing is lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.boolean(),
        (offered, gross, covered, payable) => {
          const document = owing(gross, Math.min(covered, gross));
          const { applied, left, allocatedAmount } = applyToOwing(offered, document, payable);
          expect(applied).toBeGreaterThanOrEqual(0);
          expect(applied).toBeLessThanOrEqual(Math.min(offered, payable ? gross - document.allocatedAmount : 0));
          expect(applied + left).toBe(offered);
          expect(allocatedAmount).toBe(document.allocatedAmount + applied);
          expect(allocatedAmount).toBeLessThanOrEqual(gross);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: payments one after another (as the row lock orders them) cover at most the gross, the rest is credit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e7 }),
        fc.array(fc.integer({ min: 1, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (gross, payments) => {
          const document = owing(gross);
          let credit = 0;
          for (const amount of payments) {
            const { left, allocatedAmount } = applyToOwing(amount, document);
            document.allocatedAmount = allocatedAmount;
            credit += left;
          }
          const paid = payments.reduce((sum, amount) => sum + amount, 0);
          expect(document.allocatedAmount).toBe(Math.min(gross, paid));
          expect(credit).toBe(paid - document.allocatedAmount);
          expect(settlementState(gross, document.allocatedAmount)).toBe(
            paid >= gross ? 'paid' : paid > 0 ? 'partially-paid' : 'open',
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('splits a payment over documents in the order given, each up to what it owes, the rest credit', () => {
    // 20 × 10.00 on one invoice of 100.00, as the int-spec's parallel payments: 100.00 covered, 100.00 credit.
    const invoice = owing(10000);
    const left = Array.from({ length: 20 }, () => {
      const result = applyToOwing(1000, invoice);
      invoice.allocatedAmount = result.allocatedAmount;
      return result.left;
    });
    expect(invoice.allocatedAmount).toBe(10000);
    expect(left.reduce((sum, amount) => sum + amount, 0)).toBe(10000);

    // 120.00 over 60.00 and 40.00 (a bank line split by finance): both paid, 20.00 credit.
    const documents = [owing(6000), owing(4000)];
    let remaining = 12000;
    for (const document of documents) {
      const { applied, allocatedAmount } = applyToOwing(remaining, document);
      document.allocatedAmount = allocatedAmount;
      remaining -= applied;
    }
    expect(documents.map((document) => settlementState(document.grossAmount, document.allocatedAmount))).toEqual([
      'paid',
      'paid',
    ]);
    expect(remaining).toBe(2000);
  });
});
