import fc from 'fast-check';
import { isValidOgm, ogmReference } from './ogm-reference';

describe('Belgian structured communications (OGM/VCS)', () => {
  it('checks the published example +++090/9337/55493+++', () => {
    // 0909337554 mod 97 = 93 (97 × 9374613 = 909337461; 909337554 − 909337461 = 93).
    expect(isValidOgm('+++090/9337/55493+++')).toBe(true);
    expect(ogmReference(909337554)).toBe('+++090/9337/55493+++');
  });

  it('builds hand-worked references', () => {
    expect(ogmReference(1)).toBe('+++000/0000/00101+++'); // 1 mod 97 = 1
    expect(ogmReference(42n)).toBe('+++000/0000/04242+++'); // 42 mod 97 = 42
    expect(ogmReference(97)).toBe('+++000/0000/09797+++'); // 97 mod 97 = 0 → 97
    expect(ogmReference(0)).toBe('+++000/0000/00097+++'); // 0 → 97
    // 1234567890 = 97 × 12727504 + 2
    expect(ogmReference(1234567890)).toBe('+++123/4567/89002+++');
    expect(ogmReference(9_999_999_999)).toBe('+++999/9999/99948+++'); // 9999999999 = 97 × 103092783 + 48
  });

  it.each([
    '+++090/9337/55493+++',
    '***090/9337/55493***',
    '090933755493',
    '090/9337/55493',
    '+++ 090 / 9337 / 55493 +++',
  ])('accepts %p', (text) => expect(isValidOgm(text)).toBe(true));

  it.each([
    '+++090/9337/55494+++', // wrong check digits
    '+++090/9337/55400+++', // 00 is never a check (0 is written 97)
    '+++090/9337/55493***', // mismatched delimiters
    '+++090/9337/55493', // one delimiter only
    '09093375549', // eleven digits
    '0909337554930',
    'RF18539007547034',
  ])('rejects %p', (text) => expect(isValidOgm(text)).toBe(false));

  it.each([-1, 10_000_000_000, 1.5, Number.NaN])('refuses the base %p', (base) => {
    expect(() => ogmReference(base)).toThrow(Error);
  });

  it('property: every built reference is valid and a changed digit is detected', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 9_999_999_999n }),
        fc.integer({ min: 0, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        (base, at, shift) => {
          const printed = ogmReference(base);
          expect(isValidOgm(printed)).toBe(true);
          const digits = printed.replace(/\D/g, '');
          const changed = digits.slice(0, at) + ((Number(digits[at]) + shift) % 10) + digits.slice(at + 1);
          expect(isValidOgm(changed)).toBe(false);
        },
      ),
    );
  });
});
