import { detectFileType, ProblemException, type FieldErrorDto, type MultipartBody } from '@tessera/core';
import { BankStatementError, type BankStatement } from './bank-statement.types';
import { parseCamt053 } from './camt053';
import type { CsvMapping } from './csv-mapping';
import { csvMappingFrom } from './csv-mapping-input';
import { CSV_PRESETS, type CsvPresetName } from './csv-presets';
import { parseCsvStatement } from './csv-statement';

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
  mapping: CsvMapping | null;
}

const FIELDS = ['format', 'preset', 'mapping'];

/**
 * The statement form: one `file`, `format` (camt053 | csv) and, for CSV, either `preset`
 * (be-fr | nl | fr) or `mapping` (a CsvMapping as JSON). Anything else → 400. The file must be
 * text of its format, judged from its content (not its name or declared type) → else 415.
 */
export function statementUploadOf(body: MultipartBody): StatementUpload {
  const errors: FieldErrorDto[] = Object.keys(body.fields)
    .filter((name) => !FIELDS.includes(name))
    .map((field) => ({ field, message: 'is not a field of this form (file, format, preset, mapping)' }));
  for (const field of new Set(body.files.map((file) => file.field)))
    if (field !== 'file') errors.push({ field, message: 'is not a file of this form (file)' });
  const files = body.files.filter((file) => file.field === 'file');
  if (files.length !== 1) errors.push({ field: 'file', message: files.length ? 'accepts one file' : 'is required' });
  const { format, preset, mapping } = body.fields;
  if (!STATEMENT_FORMATS.includes(format as StatementFormat))
    errors.push({ field: 'format', message: 'must be camt053 or csv' });
  if (format === 'camt053' && (preset !== undefined || mapping !== undefined))
    errors.push({ field: preset !== undefined ? 'preset' : 'mapping', message: 'is for CSV files only' });
  if (format === 'csv' && (preset === undefined) === (mapping === undefined))
    errors.push({ field: 'preset', message: 'a CSV file needs either a preset or a mapping' });
  if (preset !== undefined && !(preset in CSV_PRESETS))
    errors.push({ field: 'preset', message: `must be one of ${Object.keys(CSV_PRESETS).join(', ')}` });
  if (errors.length > 0) throw ProblemException.validation(errors);

  const file = files[0];
  checkContent(file.bytes, format as StatementFormat, file.filename);
  return {
    bytes: file.bytes,
    fileName: file.filename.split(/[/\\]/).pop()?.slice(0, 200) || 'statement',
    format: format as StatementFormat,
    mapping: format !== 'csv' ? null : preset ? CSV_PRESETS[preset as CsvPresetName].mapping : csvMappingFrom(mapping!),
  };
}

/** Reads the upload; a file that is not a statement is a 400 saying why. */
export function parseUpload(upload: StatementUpload): BankStatement {
  try {
    return upload.format === 'camt053' ? parseCamt053(upload.bytes) : parseCsvStatement(upload.bytes, upload.mapping!);
  } catch (error) {
    if (error instanceof BankStatementError)
      throw ProblemException.badRequest(`${error.message}.`.replace(/\.\.$/, '.'), 'invalid-bank-statement', [
        { field: 'file', message: error.message },
      ]);
    throw error;
  }
}

/**
 * A statement is text: XML starting with its declaration or <Document>, or CSV. Binary files
 * (PDF, images, a spreadsheet's zip, anything with NUL bytes) are refused before parsing.
 */
function checkContent(bytes: Buffer, format: StatementFormat, filename: string): void {
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
