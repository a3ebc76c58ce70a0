import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { paymentReferenceFor } from '../references/payment-reference';
import { parseCamt053 } from './camt053';
import { fileFingerprint, referencesIn } from './statement-matching';

const OGM = '+++090/9337/55493+++';
const RF = 'RF18 5390 0754 7034';
const line = (structuredReference: string | null, remittanceText: string | null) => ({
  structuredReference,
  remittanceText,
});

describe('referencesIn', () => {
  it.each([
    ['an OGM with pluses in the structured field', line(OGM, null), [OGM]],
    ['an OGM without pluses in the structured field', line('090933755493', null), [OGM]],
    ['an electronic RF in the structured field', line('RF18539007547034', null), [RF]],
    ['an RF in lower case with spaces in the text', line(null, 'membership rf18 5390 0754 7034 thanks'), [RF]],
    ['an OGM in asterisks in the text', line(null, 'Mitgliedsbeitrag ***090/9337/55493***'), [OGM]],
    ['an OGM with slashes and spaces in the text', line(null, 'cotisation 090 / 9337 / 55493'), [OGM]],
    ['the structured field first, then the text, each once', line(OGM, `${RF} and ${OGM}`), [OGM, RF]],
    ['nothing valid', line('090933755494', 'RF19 5390 0754 7034, BE68 5390 0754 7034'), []],
    ['no remittance at all', line(null, null), []],
  ])('%s', (_what, input, expected) => {
    expect(referencesIn(input)).toEqual(expected);
  });

  it('finds what the CAMT fixture lines name', () => {
    const statement = parseCamt053(readFileSync(join(__dirname, 'fixtures', 'camt053-v02.xml')));
    expect(statement.lines.map(referencesIn)).toEqual([
      [OGM],
      [RF],
      ['+++000/0000/04242+++'],
      ['+++000/0000/08484+++'],
      [],
      [],
    ]);
  });

  it('finds a generated reference in random text, however it is written', () => {
    const filler = fc.stringMatching(/^[a-z ,.:;-]{0,30}$/); // no digits or capitals to form another reference
    const rfSpace = fc.constantFrom(' ', '', '  ', '\t');
    const ogmSeparator = fc.constantFrom('/', ' / ', ' ', '', '\t/ ');
    fc.assert(
      fc.property(
        fc.constantFrom('rf' as const, 'ogm' as const),
        fc.integer({ min: 1, max: 9_999_999_999 }),
        fc.tuple(filler, filler),
        rfSpace,
        ogmSeparator,
        fc.constantFrom('+++', '***', ''),
        fc.boolean(),
        fc.boolean(),
        (scheme, sequence, [before, after], space, slash, delimiter, lower, inStructured) => {
          const printed = paymentReferenceFor(scheme, sequence);
          const written =
            scheme === 'rf'
              ? printed.replace(/ /g, space)
              : `${delimiter}${printed.slice(3, -3).replace(/\//g, slash)}${delimiter}`;
          const text = `${before} ${lower ? written.toLowerCase() : written} ${after}`;
          expect(referencesIn(inStructured ? line(written, before) : line(null, text))).toEqual([printed]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('fileFingerprint', () => {
  it('is the SHA-256 of the bytes, the same for the same content as text or bytes', () => {
    const bytes = Buffer.from('<Document/>');
    expect(fileFingerprint(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(fileFingerprint('<Document/>')).toBe(fileFingerprint(bytes));
    expect(fileFingerprint(new Uint8Array(bytes))).toMatch(/^[0-9a-f]{64}$/);
    expect(fileFingerprint('<Document />')).not.toBe(fileFingerprint(bytes));
  });
});
