import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProblemException, type MultipartBody } from '@tessera/core';
import { CSV_PRESETS } from './csv-presets';
import { parseUpload, statementUploadOf } from './statement-upload';

const CAMT =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"/>';
const form = (fields: Record<string, string>, content: string | Buffer = CAMT, field = 'file'): MultipartBody => ({
  fields,
  files: [{ field, filename: 'statement.xml', declaredType: 'text/xml', bytes: Buffer.from(content) }],
});
const problemOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    if (error instanceof ProblemException) return error.problem;
    throw error;
  }
  throw new Error('expected a problem');
};

describe('statementUploadOf', () => {
  it('takes a CAMT.053 file, with or without its XML declaration or a byte order mark', () => {
    expect(statementUploadOf(form({ format: 'camt053' }))).toMatchObject({ format: 'camt053', mapping: null });
    expect(statementUploadOf(form({ format: 'camt053' }, '\uFEFF  <Document>'))).toMatchObject({ format: 'camt053' });
  });

  it('takes a CSV file with a preset or a mapping of its own', () => {
    expect(statementUploadOf(form({ format: 'csv', preset: 'nl' }, 'Datum,Bedrag\n'))).toMatchObject({
      mapping: CSV_PRESETS.nl.mapping,
    });
    const mapping = { ...CSV_PRESETS['be-fr'].mapping, delimiter: ',' };
    expect(statementUploadOf(form({ format: 'csv', mapping: JSON.stringify(mapping) }, 'a,b\n')).mapping).toEqual(
      mapping,
    );
  });

  it('takes a CSV file naming only its account, whose saved mapping the caller looks up', () => {
    expect(statementUploadOf(form({ format: 'csv', account: 'be68 5390 0754 7034' }, 'a;b\n'))).toMatchObject({
      format: 'csv',
      mapping: null,
      account: 'BE68539007547034',
    });
  });

  it.each([
    ['no format', {}, 'format'],
    ['an unknown format', { format: 'mt940' }, 'format'],
    ['a CSV without preset or mapping', { format: 'csv' }, 'preset'],
    ['an unknown preset', { format: 'csv', preset: 'de' }, 'preset'],
    ['a preset for CAMT', { format: 'camt053', preset: 'nl' }, 'preset'],
    ['an unknown field', { format: 'camt053', bank: 'x' }, 'bank'],
    ['a mapping that is not JSON', { format: 'csv', mapping: '{' }, 'mapping'],
    ['a mapping without columns', { format: 'csv', mapping: '{"delimiter":";"}' }, 'mapping.columns'],
    ['an account for CAMT', { format: 'camt053', account: 'BE68539007547034' }, 'account'],
    ['an account that is not an IBAN', { format: 'csv', account: 'BE68539007547035' }, 'account'],
    ['both a preset and a mapping', { format: 'csv', preset: 'nl', mapping: '{}' }, 'preset'],
  ])('refuses %s with 400', (_what, fields, field) => {
    const problem = problemOf(() => statementUploadOf(form(fields as Record<string, string>, 'a;b\n')));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((e) => e.field)).toContain(field);
  });

  it('refuses a missing file with 400', () => {
    expect(problemOf(() => statementUploadOf({ fields: { format: 'camt053' }, files: [] }))).toMatchObject({
      status: 400,
    });
  });

  it.each([
    ['a PDF', '%PDF-1.4\n1 0 obj'],
    ['a spreadsheet', Buffer.from('PK\x03\x04\x14\x00\x00', 'latin1')],
    ['binary content', Buffer.from([0x3c, 0x00, 0x44])],
    ['HTML given as CAMT', '<!doctype html><html></html>'],
  ])('refuses %s with 415, judged from the content', (_what, content) => {
    expect(problemOf(() => statementUploadOf(form({ format: 'camt053' }, content)))).toMatchObject({ status: 415 });
  });
});

describe('parseUpload', () => {
  it('turns a file the parser cannot read into a 400 with its reason', () => {
    const upload = statementUploadOf(form({ format: 'camt053' }, '<?xml version="1.0"?><Other/>'));
    expect(problemOf(() => parseUpload(upload))).toMatchObject({
      status: 400,
      type: 'urn:tessera:problem:invalid-bank-statement',
      detail: 'This XML file is not a CAMT.053 bank statement (its root element is <Other>, not <Document>).',
      errors: [{ field: 'file', code: 'bankStatementUnreadable' }],
    });
  });

  it('codes why, for the SPA to word it: here a line it cannot read', () => {
    const noAmount = statementUploadOf(
      form(
        { format: 'camt053' },
        readFileSync(join(__dirname, 'fixtures/camt053-v02.xml'), 'utf8').replace(/<Amt [^>]*>[^<]*<\/Amt>/, ''),
      ),
    );
    expect(problemOf(() => parseUpload(noAmount))).toMatchObject({
      status: 400,
      errors: [{ field: 'file', code: 'bankStatementLineInvalid' }],
    });
  });
});

describe('parseUpload of a CSV naming its account', () => {
  const csv = readFileSync(join(__dirname, 'fixtures/statement-be-fr.csv'));
  const upload = (account: string | null) => ({
    bytes: csv,
    fileName: 'be.csv',
    format: 'csv' as const,
    mapping: CSV_PRESETS['be-fr'].mapping,
    account,
  });

  it('reads a file of that account', () => {
    expect(parseUpload(upload('BE68539007547034')).accountIban).toBe('BE68539007547034');
  });

  it('refuses a file of another account with a 400 on the file', () => {
    expect(problemOf(() => parseUpload(upload('BE71096123456769')))).toMatchObject({
      status: 400,
      type: 'urn:tessera:problem:invalid-bank-statement',
      detail: 'The file is for account BE68539007547034, not BE71096123456769.',
      errors: [{ field: 'file', code: 'bankStatementOtherAccount' }],
    });
  });

  it('gives a file that names no account the one finance chose', () => {
    const { account: _account, ...columns } = CSV_PRESETS['be-fr'].mapping.columns;
    const mapping = { ...CSV_PRESETS['be-fr'].mapping, columns };
    const statement = parseUpload({ ...upload('BE71096123456769'), mapping });
    expect(statement.accountIban).toBe('BE71096123456769');
    expect(statement.lines.length).toBeGreaterThan(0);
  });
});
