import fc from 'fast-check';
import { isValidRf } from './creditor-reference';
import { findStructuredReferences } from './find-structured-references';
import { isValidOgm } from './ogm-reference';
import { paymentReferenceFor } from './payment-reference';

describe('paymentReferenceFor', () => {
  it('prints an RF reference whose body is the sequence padded to ten digits', () => {
    expect(paymentReferenceFor('rf', 42)).toBe('RF34 0000 0000 42'); // see creditor-reference.spec
    expect(paymentReferenceFor('rf', 1)).toMatch(/^RF\d\d 0000 0000 01$/);
  });

  it('prints an OGM whose base is the sequence', () => {
    expect(paymentReferenceFor('ogm', 42)).toBe('+++000/0000/04242+++');
    expect(paymentReferenceFor('ogm', 909337554n)).toBe('+++090/9337/55493+++');
  });

  it.each([0, -1, 1.5, 10_000_000_000])('refuses the sequence %p', (sequence) => {
    expect(() => paymentReferenceFor('rf', sequence)).toThrow(Error);
    expect(() => paymentReferenceFor('ogm', sequence)).toThrow(Error);
  });

  it('property: valid, unique per sequence, and found again in text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('rf' as const, 'ogm' as const),
        fc.uniqueArray(fc.integer({ min: 1, max: 9_999_999_999 }), { minLength: 2, maxLength: 20 }),
        (scheme, sequences) => {
          const references = sequences.map((s) => paymentReferenceFor(scheme, s));
          expect(new Set(references).size).toBe(sequences.length);
          for (const reference of references) {
            expect(scheme === 'rf' ? isValidRf(reference) : isValidOgm(reference)).toBe(true);
            expect(findStructuredReferences(`Payment ${reference.toLowerCase()} thank you`)).toEqual([
              { scheme, reference },
            ]);
          }
        },
      ),
    );
  });
});
