import { epcQrPayload, type EpcQrInput } from './epc-qr';

// BE68 5390 0754 7034 is the Belgian IBAN of the standard's examples (check digits valid).
const base: EpcQrInput = {
  name: 'Tessera ASBL',
  iban: 'BE68 5390 0754 7034',
  bic: 'GKCCBEBB',
  amount: 123456,
  currency: 'EUR',
};

describe('epcQrPayload (EPC069-12, SEPA credit transfer)', () => {
  it('puts an RF reference in the structured remittance line, compacted', () => {
    expect(epcQrPayload({ ...base, reference: 'RF18 5390 0754 7034' }).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'GKCCBEBB',
      'Tessera ASBL',
      'BE68539007547034',
      'EUR1234.56',
      '', // purpose
      'RF18539007547034',
    ]);
  });

  it('puts an OGM in the unstructured remittance line, printed with its +++', () => {
    expect(epcQrPayload({ ...base, reference: '090933755493' }).split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'GKCCBEBB',
      'Tessera ASBL',
      'BE68539007547034',
      'EUR1234.56',
      '',
      '', // no structured remittance
      '+++090/9337/55493+++',
    ]);
  });

  it('ends at the last filled line, without a trailing newline; BIC optional', () => {
    expect(epcQrPayload({ ...base, bic: null, amount: 5 })).toBe(
      'BCD\n002\n1\nSCT\n\nTessera ASBL\nBE68539007547034\nEUR0.05',
    );
    expect(epcQrPayload({ ...base, text: '  Membership\n2026  ' })).toMatch(/\nEUR1234\.56\n\n\nMembership 2026$/);
  });

  it('writes the amount with two decimals and no grouping, up to EUR 999999999.99', () => {
    expect(epcQrPayload({ ...base, amount: 100 })).toMatch(/\nEUR1\.00$/);
    expect(epcQrPayload({ ...base, amount: 99_999_999_999 })).toMatch(/\nEUR999999999\.99$/);
  });

  it('encodes UTF-8 names (character set 1)', () => {
    expect(epcQrPayload({ ...base, name: 'Société coopérative Ère' }).split('\n')[5]).toBe('Société coopérative Ère');
  });

  it.each<[string, Partial<EpcQrInput>]>([
    ['a currency other than EUR', { currency: 'USD' as 'EUR' }],
    ['a zero amount', { amount: 0 }],
    ['a negative amount', { amount: -100 }],
    ['a fractional amount', { amount: 12.5 }],
    ['an amount above 999999999.99', { amount: 100_000_000_000 }],
    ['an empty name', { name: '  ' }],
    ['a name over 70 characters', { name: 'x'.repeat(71) }],
    ['an IBAN with a wrong check', { iban: 'BE69 5390 0754 7034' }],
    ['a malformed BIC', { bic: 'GKCC' }],
    ['a reference that is neither RF nor OGM', { reference: 'INV-2026-000001' }],
    ['an invalid RF', { reference: 'RF19 5390 0754 7034' }],
    ['a reference and a text together', { reference: 'RF18539007547034', text: 'Membership' }],
    ['a text over 140 characters', { text: 'x'.repeat(141) }],
    ['more than 331 bytes', { name: 'é'.repeat(70), text: 'é'.repeat(140) }],
  ])('throws on %s', (_what, change) => {
    expect(() => epcQrPayload({ ...base, ...change })).toThrow(Error);
  });
});
