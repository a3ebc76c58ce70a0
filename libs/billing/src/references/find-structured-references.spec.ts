import { formatRf, rfReference } from './creditor-reference';
import { findStructuredReferences } from './find-structured-references';

const rf = (reference: string) => ({ scheme: 'rf', reference });
const ogm = (reference: string) => ({ scheme: 'ogm', reference });

describe('findStructuredReferences', () => {
  it.each([
    ['RF18539007547034', rf('RF18 5390 0754 7034')],
    ['rf18 5390 0754 7034', rf('RF18 5390 0754 7034')],
    ['Invoice INV-2026-000001 RF 18 5390 0754 7034 paid', rf('RF18 5390 0754 7034')],
    ['/ROC/RF18539007547034/', rf('RF18 5390 0754 7034')],
    ['ref: RF1853 9007 547034, thanks', rf('RF18 5390 0754 7034')],
    ['+++090/9337/55493+++', ogm('+++090/9337/55493+++')],
    ['***090/9337/55493***', ogm('+++090/9337/55493+++')],
    ['Mededeling: 090/9337/55493 lidgeld', ogm('+++090/9337/55493+++')],
    ['COMMUNICATION +++ 090 / 9337 / 55493 +++', ogm('+++090/9337/55493+++')],
    ['structured 090933755493', ogm('+++090/9337/55493+++')],
  ])('finds the reference in %p', (text, expected) => {
    expect(findStructuredReferences(text)).toEqual([expected]);
  });

  it('finds several, in order of appearance, each once', () => {
    const text = '+++000/0000/04242+++ then RF18 5390 0754 7034, again rf18539007547034 and 000000004242';
    expect(findStructuredReferences(text)).toEqual([ogm('+++000/0000/04242+++'), rf('RF18 5390 0754 7034')]);
  });

  it.each([
    ['a wrong check digit', 'RF19 5390 0754 7034 and +++090/9337/55494+++'],
    ['a reference glued to more letters', 'RF18539007547034X'],
    ['a reference inside a word', 'XRF18539007547034'],
    ['an IBAN, spaced or not', 'BE68 5390 0754 7034 / BE68539007547034'],
    ['a longer run of digits', '1090933755493 0909337554930'],
    ['a date and an amount', '2026-12-06 EUR 1234.56'],
    ['nothing', ''],
  ])('finds nothing in %s', (_what, text) => {
    expect(findStructuredReferences(text)).toEqual([]);
  });

  it('joins spaced letters only in the printed layout, and stops at words after digits', () => {
    const lettered = formatRf(rfReference('TESSERA2026')); // RFxx TESS ERA2 026
    expect(findStructuredReferences(`paid ${lettered} with thanks`)).toEqual([rf(lettered)]);
    expect(findStructuredReferences(`paid ${lettered.toLowerCase()}`)).toEqual([rf(lettered)]);
    expect(findStructuredReferences('RF34 0000 0000 42 thank you')).toEqual([rf('RF34 0000 0000 42')]);
    expect(findStructuredReferences('RF340000000042 ABCD')).toEqual([rf('RF34 0000 0000 42')]);
  });

  it('does not read an OGM inside an RF reference', () => {
    // RF body 090933755493 holds the digits of a valid OGM: it is one RF reference, nothing more.
    expect(findStructuredReferences('RF48 090933755493')).toEqual([rf('RF48 0909 3375 5493')]);
  });
});
