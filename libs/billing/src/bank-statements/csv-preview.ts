import { CsvError, parse } from 'csv-parse/sync';
import { ProblemException, type FieldErrorDto, type MultipartBody } from '@tessera/core';
import type { CsvColumn } from './csv-mapping';
import { CSV_PRESETS, type CsvPresetName } from './csv-presets';
import { headerKey } from './csv-statement';
import type { StatementEncoding } from './statement-text';
import { checkStatementContent } from './statement-upload';

/** The first rows of a CSV file as the mapping step shows them, with the settings that read them. */
export interface CsvPreview {
  delimiter: string;
  encoding: StatementEncoding;
  skipLines: number;
  /** The first rows after the skipped lines (the header first, if there is one), cells trimmed. */
  rows: string[][];
  /** A preset whose delimiter and named columns fit the first row, to start the mapping from. */
  preset: CsvPresetName | null;
}

export const PREVIEW_ROWS = 8;
const DELIMITERS = [';', ',', '\t', '|'];
const FIELDS = ['delimiter', 'encoding', 'skipLines'];

/**
 * The preview form: one `file` and, optionally, the `delimiter`, `encoding` (utf-8 | latin1) and
 * `skipLines` (0–100) to read it with. What is not given is guessed: UTF-8 unless the bytes are
 * not valid UTF-8 (then Latin-1), the delimiter most frequent in the first line.
 */
export function previewCsvUpload(body: MultipartBody): CsvPreview {
  const errors: FieldErrorDto[] = Object.keys(body.fields)
    .filter((name) => !FIELDS.includes(name))
    .map((field) => ({ field, message: 'is not a field of this form (file, delimiter, encoding, skipLines)' }));
  for (const field of new Set(body.files.map((file) => file.field)))
    if (field !== 'file') errors.push({ field, message: 'is not a file of this form (file)' });
  const files = body.files.filter((file) => file.field === 'file');
  if (files.length !== 1) errors.push({ field: 'file', message: files.length ? 'accepts one file' : 'is required' });
  const { delimiter, encoding, skipLines } = body.fields;
  if (delimiter !== undefined && (delimiter.length !== 1 || /[\r\n"]/.test(delimiter)))
    errors.push({ field: 'delimiter', message: 'must be one character (not a quote or line break)' });
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'latin1')
    errors.push({ field: 'encoding', message: 'must be utf-8 or latin1' });
  if (skipLines !== undefined && !(/^\d{1,3}$/.test(skipLines) && Number(skipLines) <= 100))
    errors.push({ field: 'skipLines', message: 'must be a whole number from 0 to 100' });
  if (errors.length > 0) throw ProblemException.validation(errors);
  checkStatementContent(files[0].bytes, 'csv', files[0].filename);
  return previewCsv(files[0].bytes, {
    delimiter,
    encoding: encoding as StatementEncoding | undefined,
    skipLines: skipLines === undefined ? 0 : Number(skipLines),
  });
}

export function previewCsv(
  bytes: Buffer,
  options: { delimiter?: string; encoding?: StatementEncoding; skipLines: number },
): CsvPreview {
  const encoding = options.encoding ?? (isUtf8(bytes) ? 'utf-8' : 'latin1');
  // The preview reads the start of the file only: a 20 MB export needs no full decode to be mapped.
  const text = new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8').decode(bytes.subarray(0, 64 * 1024));
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const firstLine = lines.slice(options.skipLines).find((line) => line.trim() !== '') ?? '';
  const delimiter = options.delimiter ?? guessDelimiter(firstLine);
  // Whole lines only: the last one may be cut by the 64 KiB window.
  const sample = lines.slice(0, options.skipLines + PREVIEW_ROWS * 4).join('\n');
  let rows: string[][];
  try {
    rows = (
      parse(sample, {
        delimiter,
        from_line: options.skipLines + 1,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        trim: true,
      }) as string[][]
    )
      .slice(0, PREVIEW_ROWS)
      .map((row) => row.slice(0, 60).map((cell) => cell.slice(0, 200)));
  } catch (error) {
    if (error instanceof CsvError)
      throw ProblemException.badRequest(`The file is not valid CSV: ${error.message}.`, 'invalid-bank-statement', [
        { field: 'file', message: `is not valid CSV: ${error.message}`, code: 'bankStatementUnreadable' },
      ]);
    throw error;
  }
  return { delimiter, encoding, skipLines: options.skipLines, rows, preset: presetFitting(delimiter, rows[0] ?? []) };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // Streaming: a multi-byte character cut by the window's end is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024), { stream: true });
    return true;
  } catch {
    return false;
  }
}

function guessDelimiter(line: string): string {
  const unquoted = line.replace(/"[^"]*"/g, '');
  const counts = DELIMITERS.map((d) => unquoted.split(d).length - 1);
  const best = Math.max(...counts);
  return best > 0 ? DELIMITERS[counts.indexOf(best)] : ';';
}

function presetFitting(delimiter: string, header: string[]): CsvPresetName | null {
  const names = new Set(header.map(headerKey));
  const named = (column: CsvColumn | undefined) => typeof column !== 'string' || names.has(headerKey(column));
  for (const [name, { mapping }] of Object.entries(CSV_PRESETS) as [CsvPresetName, (typeof CSV_PRESETS)['nl']][]) {
    if (mapping.delimiter !== delimiter || !mapping.hasHeader) continue;
    const { direction, remittance, ...single } = mapping.columns;
    if ([...Object.values(single), direction?.column, ...(remittance ?? [])].every(named)) return name;
  }
  return null;
}
