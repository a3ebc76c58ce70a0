import { detectFileType, ProblemException, type FieldErrorDto, type MultipartBody } from '@tessera/core';
import { BankStatementError, type BankStatement } from './bank-statement.types';
import { parseCamt053 } from './camt053';
import type { CsvMapping } from './csv-mapping';
import { csvMappingFrom } from './csv-mapping-input';
import { CSV_PRESETS, type CsvPresetName } from './csv-presets';
import { parseCsvStatement } from './csv-statement';
import { validIban } from './statement-text';

const MiB = 1024 * 1024;
/** A year of daily statements of a busy account fits; 10,000 CAMT transactions are about 11 MB. */
export const MAX_STATEMENT_UPLOAD_BYTES = 20 * MiB;

export const STATEMENT_FORMATS = ['camt053', 'csv'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** An uploaded statement, checked: its bytes, name, format, and for CSV the mapping to read it with. */
export interface StatementUpload {
  bytes: Buffer;
  fileName: string;
  format: StatementFormat;
  /** For CSV: read with this mapping (a preset's, the one sent, or the account's saved one). */
  mapping: CsvMapping | null;
  /** For CSV: the account the file is about, when finance named it (`account`). */
  account: string | null;
}

const FIELDS = ['format', 'preset', 'mapping', 'account'];

/**
 * The statement form: one `file`, `format` (camt053 | csv) and, for CSV, either `preset`
 * (be-fr | nl | fr) or `mapping` (a CsvMapping as JSON), or `account` (an IBAN) alone to use the
 * mapping saved for that account (`mapping` is then null here; the caller looks it up). `account`
 * with a preset or mapping names the file's account. Anything else → 400. The file must be text
 * of its format, judged from its content (not its name or declared type) → else 415.
 */
export function statementUploadOf(body: MultipartBody): StatementUpload {
  const errors: FieldErrorDto[] = Object.keys(body.fields)
    .filter((name) => !FIELDS.includes(name))
    .map((field) => ({ field, message: 'is not a field of this form (file, format, preset, mapping)' }));
  for (const field of new Set(body.files.map((file) => file.field)))
    if (field !== 'file') errors.push({ field, message: 'is not a file of this form (file)' });
  const files = body.files.filter((file) => file.field === 'file');
  if (files.length !== 1) errors.push({ field: 'file', message: files.length ? 'accepts one file' : 'is required' });
  const { format, preset, mapping, account } = body.fields;
  if (!STATEMENT_FORMATS.includes(format as StatementFormat))
    errors.push({ field: 'format', message: 'must be camt053 or csv' });
  if (format === 'camt053')
    for (const [field, value] of Object.entries({ preset, mapping, account }))
      if (value !== undefined) errors.push({ field, message: 'is for CSV files only' });
  if (format === 'csv' && preset !== undefined && mapping !== undefined)
    errors.push({ field: 'preset', message: 'give a preset or a mapping, not both' });
  if (format === 'csv' && preset === undefined && mapping === undefined && account === undefined)
    errors.push({
      field: 'preset',
      message: 'a CSV file needs a preset, a mapping, or an account with a saved mapping',
    });
  const accountIban = account === undefined ? null : validIban(account);
  if (account !== undefined && !accountIban) errors.push({ field: 'account', message: 'must be a valid IBAN' });
  if (preset !== undefined && !(preset in CSV_PRESETS))
    errors.push({ field: 'preset', message: `must be one of ${Object.keys(CSV_PRESETS).join(', ')}` });
  if (errors.length > 0) throw ProblemException.validation(errors);

  const file = files[0];
  checkStatementContent(file.bytes, format as StatementFormat, file.filename);
  return {
    bytes: file.bytes,
    fileName: file.filename.split(/[/\\]/).pop()?.slice(0, 200) || 'statement',
    format: format as StatementFormat,
    mapping:
      format !== 'csv'
        ? null
        : preset
          ? CSV_PRESETS[preset as CsvPresetName].mapping
          : mapping !== undefined
            ? csvMappingFrom(mapping)
            : null,
    account: accountIban,
  };
}

/**
 * Reads the upload; a file that is not a statement is a 400 saying why. A CSV file for another
 * account than the one finance named is refused; one that names none takes it.
 */
export function parseUpload(upload: StatementUpload): BankStatement {
  try {
    if (upload.format === 'camt053') return parseCamt053(upload.bytes);
    const statement = parseCsvStatement(upload.bytes, upload.mapping!);
    if (upload.account && statement.accountIban && statement.accountIban !== upload.account)
      throw new BankStatementError(
        `The file is for account ${statement.accountIban}, not ${upload.account}`,
        'bankStatementOtherAccount',
      );
    return { ...statement, accountIban: statement.accountIban ?? upload.account };
  } catch (error) {
    if (error instanceof BankStatementError)
      throw ProblemException.badRequest(`${error.message}.`.replace(/\.\.$/, '.'), 'invalid-bank-statement', [
        { field: 'file', message: error.message, code: error.code },
      ]);
    throw error;
  }
}

/**
 * A statement is text: XML starting with its declaration or <Document>, or CSV. Binary files
 * (PDF, images, a spreadsheet's zip, anything with NUL bytes) are refused before parsing.
 */
export function checkStatementContent(bytes: Buffer, format: StatementFormat, filename: string): void {
  const head = bytes.subarray(0, 4096);
  const named = `file "${filename}"`;
  const detected = detectFileType(bytes);
  if (detected) throw unsupported(`The ${named} is a ${detected.extension.toUpperCase()} file, not a bank statement`);
  if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
    throw unsupported(`The ${named} is a spreadsheet or archive; export the statement as CAMT.053 or CSV`);
  if (head.includes(0)) throw unsupported(`The ${named} is not a text file`);
  if (bytes.length === 0) throw ProblemException.validation([{ field: 'file', message: 'is empty' }]);
  const start = head.toString('latin1').replace(/^(\xEF\xBB\xBF)?\s*/, '');
  if (format === 'camt053' && !/^<(\?xml|([A-Za-z_][\w.-]*:)?Document[\s>])/.test(start))
    throw unsupported(`The ${named} is not XML starting with <?xml or <Document>; is it a CAMT.053 statement?`);
}

function unsupported(detail: string): ProblemException {
  return new ProblemException({
    type: 'urn:tessera:problem:unsupported-file-type',
    title: 'Unsupported media type',
    status: 415,
    detail: `${detail}.`,
    errors: [{ field: 'file', message: detail }],
  });
}
