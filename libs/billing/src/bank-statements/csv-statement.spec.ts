import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankStatementError } from './bank-statement.types';
import type { CsvMapping } from './csv-mapping';
import { CSV_PRESETS } from './csv-presets';
import { parseCsvStatement } from './csv-statement';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const beFr = CSV_PRESETS['be-fr'].mapping;
const beFrText = fixture('statement-be-fr.csv').toString('utf-8');

function expectError(text: string | Buffer, mapping: CsvMapping, message: string | RegExp) {
  expect(() => parseCsvStatement(text, mapping)).toThrow(BankStatementError);
  expect(() => parseCsvStatement(text, mapping)).toThrow(message);
}

describe('parseCsvStatement with the Belgian preset', () => {
  const statement = parseCsvStatement(fixture('statement-be-fr.csv'), beFr);

  it('reads the statement', () => {
    expect({ ...statement, lines: statement.lines.length }).toEqual({
      format: 'csv',
      statementId: null,
      accountIban: 'BE68539007547034',
      currency: 'EUR',
      createdAt: null,
      openingBalance: null,
      closingBalance: null,
      lines: 4,
    });
  });

  it('reads each line, keyed by the bank sequence number', () => {
    expect(statement.lines[0]).toEqual({
      lineKey: '2026-0041',
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      amount: 123_456,
      direction: 'credit',
      currency: 'EUR',
      counterpartyName: 'Jan Peeters',
      counterpartyIban: 'BE71096123456769',
      structuredReference: null,
      remittanceText: '+++090/9337/55493+++',
      endToEndId: null,
      bankReference: '2026-0041',
    });
    expect(statement.lines.map((l) => [l.amount, l.direction, l.valueDate, l.counterpartyName])).toEqual([
      [123_456, 'credit', '2026-03-02', 'Jan Peeters'],
      [1, 'credit', '2026-03-03', 'Marie Dupont'],
      [2_500, 'debit', '2026-03-03', 'Imprimerie Lambert; SRL'],
      [8_000, 'credit', '2026-03-03', 'L. Martin'],
    ]);
    expect(statement.lines[3].counterpartyIban).toBeNull();
  });

  it('matches headers ignoring case and accents, and reads columns by position without a header', () => {
    const plain = beFrText
      .replace("Date d'exécution", "DATE D'EXECUTION")
      .replace('Numéro de séquence', 'numero de sequence');
    expect(parseCsvStatement(plain, beFr)).toEqual(statement);
    const noHeader: CsvMapping = {
      ...beFr,
      hasHeader: false,
      columns: { bookingDate: 1, amount: 3, currency: 4, counterpartyName: 8, remittance: [9, 10] },
    };
    const lines = parseCsvStatement(beFrText.slice(beFrText.indexOf('\n') + 1), noHeader).lines;
    expect(lines[0]).toMatchObject({
      amount: 123_456,
      counterpartyName: 'Jan Peeters',
      remittanceText: '+++090/9337/55493+++ VIREMENT SEPA DE JAN PEETERS',
    });
    expect(lines[0].lineKey).toMatch(/^h:[0-9a-f]{32}$/);
  });
});

describe('parseCsvStatement with the Dutch preset', () => {
  const statement = parseCsvStatement(fixture('statement-nl.csv'), CSV_PRESETS.nl.mapping);

  it('reads YYYYMMDD dates and "Af"/"Bij" directions with unsigned amounts', () => {
    expect(statement.accountIban).toBe('NL91ABNA0417164300');
    expect(statement.lines.map((l) => [l.bookingDate, l.amount, l.direction, l.counterpartyIban])).toEqual([
      ['2026-03-02', 123_456, 'credit', 'NL20INGB0001234567'],
      ['2026-03-02', 2_500, 'debit', 'NL39RABO0300065264'],
      ['2026-03-03', 1_000, 'credit', 'NL20INGB0001234567'],
      ['2026-03-03', 1_000, 'credit', 'NL20INGB0001234567'],
    ]);
    expect(statement.lines[0].remittanceText).toContain('contributie RF18 5390 0754 7034');
  });

  it('keys lines without a bank reference by hash: identical rows differ, a re-import is the same', () => {
    const keys = statement.lines.map((l) => l.lineKey);
    expect(new Set(keys).size).toBe(4);
    expect(keys[3]).toBe(`${keys[2]}~2`);
    const again = parseCsvStatement(fixture('statement-nl.csv').toString(), CSV_PRESETS.nl.mapping);
    expect(again.lines.map((l) => l.lineKey)).toEqual(keys);
  });

  it('refuses a direction it does not know', () => {
    const text = fixture('statement-nl.csv').toString().replace('"Af","25,00"', '"Debet","25,00"');
    expectError(text, CSV_PRESETS.nl.mapping, 'Line 3 has "Debet" as direction, not "Bij" or "Af"');
  });
});

describe('parseCsvStatement with the French preset', () => {
  const mapping: CsvMapping = { ...CSV_PRESETS.fr.mapping, skipLines: 2 };
  const latin1 = fixture('statement-fr-latin1.csv');

  it('reads a Latin-1 file with debit and credit columns, after its preamble', () => {
    const statement = parseCsvStatement(latin1, mapping);
    expect(statement.currency).toBe('EUR');
    expect(statement.lines.map((l) => [l.bookingDate, l.valueDate, l.amount, l.direction])).toEqual([
      ['2026-03-02', '2026-03-02', 123_456, 'credit'],
      ['2026-03-02', '2026-03-02', 4_520, 'debit'],
      ['2026-03-03', '2026-03-04', 1, 'credit'],
    ]);
    expect(statement.lines[0].remittanceText).toBe(
      'VIR SEPA RECU /DE HÉLÈNE DURAND /MOTIF Cotisation +++090/9337/55493+++',
    );
    expect(statement.lines[2].remittanceText).toContain('FRANÇOIS LEFÈVRE /MOTIF adhésion');
  });

  it('says so when a Latin-1 file is read as UTF-8, or the preamble is not skipped', () => {
    expectError(latin1, { ...mapping, encoding: 'utf-8' }, /not valid UTF-8 text; .* try Latin-1/);
    expectError(latin1, CSV_PRESETS.fr.mapping, /^The column "Date" is not in the file's header \(Compte courant/);
  });

  it('numbers lines as in the file, preamble included', () => {
    const bad = Buffer.from(latin1.toString('latin1').replace('-45,20', '-45,2,0'), 'latin1');
    expectError(bad, mapping, 'Line 5 has an invalid amount "-45,2,0"');
  });
});

describe('parseCsvStatement refuses rows it cannot read, naming the line', () => {
  it.each([
    ['an amount like 12,3,4', '1.234,56', '12,3,4', 'Line 2 has an invalid amount "12,3,4"'],
    [
      'a date that does not exist',
      '02/03/2026;02/03/2026;1.234,56',
      '30/02/2026;02/03/2026;1.234,56',
      'Line 2 has a date "30/02/2026" that does not exist',
    ],
    [
      'a date in another format',
      '03/03/2026;03/03/2026;80,00',
      '2026-03-03;03/03/2026;80,00',
      'Line 5 has a date "2026-03-03" that is not a DD/MM/YYYY date',
    ],
    ['too many decimals', '0,01', '0,015', 'Line 3 has an amount with more decimals than EUR allows (2): "0,015"'],
    ['a missing amount', ';-25,00;', ';;', 'Line 4 has no amount'],
    [
      'two accounts',
      '80,00;EUR;BE68 5390 0754 7034',
      '80,00;EUR;BE71 0961 2345 6769',
      'Line 5 is for account BE71096123456769, not BE68539007547034: one account per file',
    ],
    ['an unterminated quote', '"Imprimerie Lambert; SRL"', '"Imprimerie Lambert; SRL', /^The file is not valid CSV: /],
  ])('%s', (_what, find, replace, message) => {
    expect(beFrText).toContain(find);
    expectError(beFrText.replace(find, replace), beFr, message);
  });

  it('takes quotes inside an unquoted field as text', () => {
    const quoted = beFrText.replace('cotisation famille Martin', 'cotisation "famille" Martin');
    expect(parseCsvStatement(quoted, beFr).lines[3].remittanceText).toBe('cotisation "famille" Martin');
  });

  it('a mapping without amounts, or with a column the file lacks', () => {
    const { amount: _amount, ...withoutAmount } = beFr.columns;
    expectError(beFrText, { ...beFr, columns: withoutAmount }, 'The mapping needs either an amount column or both');
    expectError(
      beFrText,
      { ...beFr, columns: { ...beFr.columns, valueDate: 'Valuta' } },
      /^The column "Valuta" is not/,
    );
  });

  it('a file with no currency', () => {
    const { currency: _currency, ...columns } = beFr.columns;
    expectError(beFrText, { ...beFr, columns }, 'Line 2 has no currency');
    expect(parseCsvStatement(beFrText, { ...beFr, columns, currency: 'EUR' }).lines).toHaveLength(4);
  });
});
