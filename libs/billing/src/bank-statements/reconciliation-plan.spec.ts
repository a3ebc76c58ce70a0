import { PayerNames } from './payer-names';
import { decideLine, type CandidateDocument } from './reconciliation-plan';

const RF = 'RF18 5390 0754 7034';
const document = (overrides: Partial<CandidateDocument> = {}): CandidateDocument => ({
  id: 'doc-1',
  memberId: 'member-1',
  kind: 'invoice',
  state: 'open',
  currency: 'EUR',
  paymentReference: RF,
  amountDue: 6000,
  buyerName: 'Marie Curie',
  ...overrides,
});
const credit: { direction: 'credit' | 'debit'; amount: number; currency: string; counterpartyName: string } = {
  direction: 'credit',
  amount: 6000,
  currency: 'EUR',
  counterpartyName: 'CURIE MARIE',
};
const decide = (
  line: Partial<typeof credit>,
  references: string[],
  byReference: CandidateDocument[],
  owing: CandidateDocument[] = [],
) =>
  decideLine(
    { ...credit, ...line },
    references,
    new Map(byReference.map((d) => [d.paymentReference!, d])),
    owing,
    new PayerNames(),
  );

describe('decideLine', () => {
  it('ignores debits, whatever they quote', () => {
    expect(decide({ direction: 'debit' }, [RF], [document()])).toEqual({ kind: 'ignore' });
  });

  it.each([
    ['an open invoice', document()],
    ['a partly paid invoice', document({ state: 'partially-paid' })],
    ['an open pro-forma', document({ kind: 'pro-forma' })],
    ['a paid invoice (the second payment becomes credit)', document({ state: 'paid', amountDue: 0 })],
    ['a pro-forma confirmed into its invoice', document({ kind: 'pro-forma', state: 'confirmed' })],
  ])('matches a reference naming %s, whatever the amount', (_what, named) => {
    expect(decide({ amount: 100 }, [RF], [named])).toEqual({ kind: 'match', document: named });
  });

  it.each([
    ['a credited invoice', document({ state: 'credited' })],
    ['a declined pro-forma', document({ kind: 'pro-forma', state: 'declined' })],
    ['a document in another currency', document({ currency: 'USD' })],
  ])('sends a reference naming %s to review, with the document as a hint', (_what, named) => {
    expect(decide({}, [RF], [named], [document({ id: 'doc-2' })])).toEqual({
      kind: 'review',
      referenceDocument: named,
    });
  });

  it('suggests the one payable document of the amount billed to the payer, never two', () => {
    const marie = document({ id: 'marie', paymentReference: null });
    const pierre = document({ id: 'pierre', buyerName: 'Pierre Curie', paymentReference: null });
    expect(decide({}, [], [], [marie, pierre])).toEqual({ kind: 'suggest', document: marie });
    const twice = document({ id: 'marie-2', paymentReference: null });
    expect(decide({}, [], [], [marie, twice])).toEqual({ kind: 'review', referenceDocument: null });
    expect(decide({ counterpartyName: 'Someone Else' }, [], [], [marie])).toEqual({
      kind: 'review',
      referenceDocument: null,
    });
  });

  it('leaves an unknown reference and an amount too large to record for review', () => {
    expect(decide({}, ['+++090/9337/55493+++'], [])).toEqual({ kind: 'review', referenceDocument: null });
    const named = document();
    expect(decide({ amount: 3_000_000_000 }, [RF], [named])).toEqual({ kind: 'review', referenceDocument: named });
  });
});
