import { PayerNames, payerNameMatches } from './payer-names';

describe('payerNameMatches', () => {
  it.each([
    ['the same name', 'Marie Curie', 'Marie Curie', true],
    ['words in another order, upper case', 'CURIE MARIE', 'Marie Curie', true],
    ['accents and punctuation ignored', 'M. Rene Lefevre', 'René Lefèvre', true],
    ['a title and a longer name holding both words', 'Mme Marie Curie-Sklodowska', 'Marie Curie', true],
    ['one organisation word on both sides', 'ACME', 'Acme', true],
    ['only the surname in common', 'Curie', 'Marie Curie', false],
    ['an initial and the surname', 'M CURIE', 'Marie Curie', false],
    ['someone else', 'Pierre Curie', 'Marie Curie', false],
    ['no payer name', null, 'Marie Curie', false],
    ['nothing but fillers', 'Mr', 'Mr', false],
  ])('%s', (_what, payer, member, expected) => {
    expect(payerNameMatches(payer, member)).toBe(expected);
    expect(new PayerNames().matches(payer, member)).toBe(expected);
  });
});
