import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankStatementError, type BankStatement } from './bank-statement.types';
import { parseCamt053, parseCamt053Statements } from './camt053';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const v02 = fixture('camt053-v02.xml').toString('utf-8');

function expectError(input: string | Buffer, message: string | RegExp) {
  expect(() => parseCamt053(input)).toThrow(BankStatementError);
  expect(() => parseCamt053(input)).toThrow(message);
}

describe('parseCamt053, camt.053.001.02', () => {
  let statement: BankStatement;
  beforeAll(() => {
    statement = parseCamt053(fixture('camt053-v02.xml'));
  });

  it('reads the statement header and balances exactly', () => {
    expect({ ...statement, lines: statement.lines.length }).toEqual({
      format: 'camt053',
      statementId: '2026-042',
      accountIban: 'BE68539007547034',
      currency: 'EUR',
      createdAt: '2026-03-03T06:12:40+01:00',
      openingBalance: 1_000_000,
      closingBalance: 1_143_957,
      lines: 6,
    });
  });

  it('reads a credit with an OGM in the structured field', () => {
    expect(statement.lines[0]).toEqual({
      lineKey: '0001:1',
      bookingDate: '2026-03-02',
      valueDate: '2026-03-02',
      amount: 123_456,
      direction: 'credit',
      currency: 'EUR',
      counterpartyName: 'Jan Peeters',
      counterpartyIban: 'BE71096123456769',
      structuredReference: '+++090/9337/55493+++',
      remittanceText: null,
      endToEndId: 'E2E-PEETERS-2026-03',
      bankReference: '2026030200001-1',
    });
  });

  it('joins the unstructured lines and decodes entities; NOTPROVIDED is no end-to-end id', () => {
    expect(statement.lines[1]).toMatchObject({
      lineKey: '0002:1',
      amount: 1,
      valueDate: '2026-03-03',
      counterpartyName: 'Marie Dupont & Fils',
      counterpartyIban: 'FR7630006000011234567890189',
      structuredReference: null,
      remittanceText: 'test payment for membership 2026 ref rf18 5390 0754 7034 merci',
      endToEndId: null,
      bankReference: null,
    });
  });

  it('splits a batch into its transactions, each with its own amount, party and reference', () => {
    expect(statement.lines.slice(2, 4)).toEqual([
      expect.objectContaining({
        lineKey: '0003:1',
        amount: 10_000,
        counterpartyName: 'Pieter Janssens',
        counterpartyIban: 'NL91ABNA0417164300',
        structuredReference: '000000004242',
        endToEndId: 'BATCH-A',
        bankReference: '2026030200003-1',
      }),
      expect.objectContaining({
        lineKey: '0003:2',
        amount: 5_000,
        counterpartyName: 'Anna Schmidt',
        counterpartyIban: 'DE89370400440532013000',
        structuredReference: null,
        remittanceText: 'Mitgliedsbeitrag ***000/0000/08484***',
        bankReference: '2026030200003-2',
      }),
    ]);
  });

  it('reads a debit with the creditor as counterparty, keyed by the bank reference', () => {
    expect(statement.lines[4]).toMatchObject({
      lineKey: '2026030200004:1',
      amount: 2_500,
      direction: 'debit',
      counterpartyName: 'Imprimerie Lambert SRL',
      counterpartyIban: 'BE62510007547061',
      remittanceText: 'Facture 2026/118 affiches',
    });
  });

  it('keys an entry without any reference by a hash, stable across imports', () => {
    const line = statement.lines[5];
    expect(line).toMatchObject({
      amount: 8_000,
      direction: 'credit',
      counterpartyName: null,
      remittanceText: 'VIREMENT DE L. MARTIN cotisation famille Martin',
    });
    expect(line.lineKey).toMatch(/^h:[0-9a-f]{32}$/);
    expect(parseCamt053(v02).lines.map((l) => l.lineKey)).toEqual(statement.lines.map((l) => l.lineKey));
  });

  it('gives two identical entries without references two different keys', () => {
    const entry = v02.slice(v02.lastIndexOf('<Ntry>'), v02.lastIndexOf('</Ntry>') + '</Ntry>'.length);
    const twice = parseCamt053(v02.replace(entry, entry + entry));
    const keys = twice.lines.slice(5).map((l) => l.lineKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(statement.lines[5].lineKey);
    expect(keys[1]).toBe(`${keys[0]}~2`);
  });

  it('reads namespace-prefixed documents alike', () => {
    const prefixed = v02
      .replace('xmlns="urn:', 'xmlns:c="urn:')
      .replace(/<(\/?)([A-Za-z])/g, (_m, slash: string, first: string) => `<${slash}c:${first}`);
    expect(parseCamt053(prefixed)).toEqual(statement);
  });
});

describe('parseCamt053, camt.053.001.08', () => {
  const statement = parseCamt053(fixture('camt053-v08.xml'));

  it('reads the header; a previously closed balance is the opening one, overdrawn is negative', () => {
    expect(statement).toMatchObject({
      statementId: 'BE68539007547034-2026-043',
      accountIban: 'BE68539007547034',
      createdAt: '2026-03-04T05:00:00Z',
      openingBalance: -1_234,
      closingBalance: 142_723,
    });
  });

  it('reads parties wrapped in Pty, transaction amounts, date-times, and skips a pending entry', () => {
    expect(statement.lines.map((l) => [l.lineKey, l.bookingDate, l.amount, l.direction, l.counterpartyName])).toEqual([
      ['20260303-1:1', '2026-03-03', 123_456, 'credit', 'Jan Peeters'],
      ['20260303-2:1', '2026-03-03', 1, 'credit', 'Marie Dupont'],
      ['20260303-3:1', '2026-03-03', 20_000, 'credit', 'Pieter Janssens'],
      ['20260303-3:2', '2026-03-03', 3_000, 'credit', 'Anna Schmidt'],
      ['20260303-4:1', '2026-03-03', 2_500, 'debit', 'Imprimerie Lambert SRL'],
    ]);
    expect(statement.lines[0]).toMatchObject({ structuredReference: '090933755493', bankReference: 'EBA0303-000001' });
    expect(statement.lines[1].counterpartyIban).toBe('FR7630006000011234567890189');
    expect(statement.lines[2].structuredReference).toBe('RF18539007547034');
  });

  it('reads a currency without decimals', () => {
    const jpy = parseCamt053(fixture('camt053-jpy.xml'));
    expect(jpy).toMatchObject({ currency: 'JPY', accountIban: null, openingBalance: null });
    expect(jpy.lines[0]).toMatchObject({ amount: 1500, currency: 'JPY', remittanceText: 'RF18 5390 0754 7034' });
  });
});

describe('parseCamt053 refuses what it cannot read, saying why', () => {
  it.each([
    ['not XML', 'Date;Montant;Devise\n02/03/2026;12,50;EUR', /^The file is not XML \(it starts with "Date;Montant/],
    ['XML cut short', v02.slice(0, 2000), /^The file is not well-formed XML: .*\(line \d+\)$/],
    ['another XML document', '<?xml version="1.0"?><invoice><total>12</total></invoice>', /root element is <invoice>/],
    [
      'a CAMT.054 notification',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn/></Document>',
      'This file is a CAMT.054 debit/credit notification, not a CAMT.053 bank statement',
    ],
    ['no statement', '<Document><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>', 'The file holds no statement'],
    ['a DOCTYPE', '<!DOCTYPE d [<!ENTITY a "aaaa">]><Document>&a;</Document>', /declares a DOCTYPE/],
    ['an empty file', ' \n', 'The file is empty'],
    [
      'nesting beyond the limit',
      `<Document>${'<a>'.repeat(200)}${'</a>'.repeat(200)}</Document>`,
      /^The file could not be read: /,
    ],
    [
      'a reserved element name',
      '<Document><BkToCstmrStmt><__proto__/></BkToCstmrStmt></Document>',
      /^The file could not be read: /,
    ],
  ])('%s', (_what, input, message) => expectError(input, message));

  it.each([
    [
      'an amount with commas',
      '<Amt Ccy="EUR">0.01</Amt>',
      '<Amt Ccy="EUR">12,3,4</Amt>',
      'Entry 2 has an invalid amount "12,3,4"',
    ],
    [
      'too many decimals',
      '<Amt Ccy="EUR">0.01</Amt>',
      '<Amt Ccy="EUR">0.015</Amt>',
      'Entry 2 has an amount with more decimals than EUR allows (2): "0.015"',
    ],
    ['a missing amount', '<Amt Ccy="EUR">0.01</Amt>', '', 'Entry 2 has no amount'],
    [
      'an amount without currency',
      '<Amt Ccy="EUR">0.01</Amt>',
      '<Amt>0.01</Amt>',
      'Entry 2 has an amount without a currency (Ccy)',
    ],
    [
      'a date that does not exist',
      '<BookgDt><Dt>2026-03-02</Dt></BookgDt>\n        <ValDt><Dt>2026-03-03</Dt>',
      '<BookgDt><Dt>2026-02-30</Dt></BookgDt>\n        <ValDt><Dt>2026-03-03</Dt>',
      'Entry 2 has a booking date "2026-02-30" that does not exist',
    ],
    [
      'a missing indicator',
      '<CdtDbtInd>DBIT</CdtDbtInd>',
      '',
      'Entry 4 has no credit/debit indicator (CdtDbtInd is "")',
    ],
    [
      'a batch that does not add up',
      '<Amt Ccy="EUR">50.00</Amt>',
      '<Amt Ccy="EUR">50.10</Amt>',
      "Entry 3: its 2 transactions add up to 15010, not the entry's 15000 (minor units)",
    ],
    [
      'a batch transaction without amount',
      '<AmtDtls><TxAmt><Amt Ccy="EUR">50.00</Amt></TxAmt></AmtDtls>',
      '',
      'Entry 3, transaction 2 has no amount',
    ],
  ])('%s', (_what, find, replace, message) => {
    expect(v02).toContain(find);
    expectError(v02.replace(find, replace), message);
  });

  it('a yen amount with decimals', () => {
    const jpy = fixture('camt053-jpy.xml').toString().replace('>1500<', '>1500.5<');
    expectError(jpy, 'Entry 1 has an amount with more decimals than JPY allows (0): "1500.5"');
    expect(parseCamt053(jpy.replace('>1500.5<', '>1500.00<')).lines[0].amount).toBe(1500);
  });

  it('a file with two statements, unless all are asked for', () => {
    const stmt = v02.slice(v02.indexOf('<Stmt>'), v02.indexOf('</Stmt>') + '</Stmt>'.length);
    const two = v02.replace(stmt, stmt + stmt.replace('<Id>2026-042</Id>', '<Id>2026-043</Id>'));
    expectError(two, 'The file holds 2 statements (2026-042, 2026-043); upload one per file');
    expect(parseCamt053Statements(two).map((s) => [s.statementId, s.lines.length])).toEqual([
      ['2026-042', 6],
      ['2026-043', 6],
    ]);
    const bad = two.replace(/<Amt Ccy="EUR">80.00<\/Amt>(?![\s\S]*80\.00)/, '<Amt Ccy="EUR">8O.00</Amt>');
    expectError(bad, 'Statement 2, entry 5 has an invalid amount "8O.00"');
  });

  it('a Latin-1 file is read as its declaration says', () => {
    const latin1 = Buffer.from(
      v02.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace('Jan Peeters', 'Hélène Peeters'),
      'latin1',
    );
    expect(parseCamt053(latin1).lines[0].counterpartyName).toBe('Hélène Peeters');
    expectError(Buffer.from([0x3c, 0x61, 0xff, 0x3e]), /not valid UTF-8/);
  });
});
