import { stringify, type Stringifier } from 'csv-stringify';
import { questionsOf, type Question, type Section } from '../content/questionnaire-content';

export interface AnswerCsvColumn {
  key: string;
  kind: Question['kind'];
}

/** A submission as the export reads it; `files` maps file ids to their names. */
export interface AnswerCsvRow {
  number: string;
  name: string;
  version: number;
  submittedAt: string;
  answers: Record<string, unknown>;
  files: Record<string, string> | null;
}

const FIXED_HEADER = ['Number', 'Name', 'Version', 'Submitted at'];

/** The questions of every version by key, newest version's order first, then keys only older ones had. */
export function answerColumns(versionsNewestFirst: readonly Section[][]): AnswerCsvColumn[] {
  const columns = new Map<string, AnswerCsvColumn>();
  for (const sections of versionsNewestFirst)
    for (const question of questionsOf(sections))
      if (!columns.has(question.key)) columns.set(question.key, { key: question.key, kind: question.kind });
  return [...columns.values()];
}

export function answerCsvHeader(columns: readonly AnswerCsvColumn[]): string[] {
  return [...FIXED_HEADER, ...columns.map((column) => column.key)];
}

/** One row: lists joined with "; ", yes/no as yes or no, a file by its name. */
export function answerCsvRecord(row: AnswerCsvRow, columns: readonly AnswerCsvColumn[]): string[] {
  return [
    row.number,
    row.name,
    String(row.version),
    row.submittedAt,
    ...columns.map(({ key, kind }) => cell(row.answers[key], kind, row.files ?? {})),
  ];
}

function cell(value: unknown, kind: Question['kind'], files: Record<string, string>): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (kind === 'file' && typeof value === 'string') return files[value] ?? value;
  return String(value);
}

/** As the members export: RFC 4180, CRLF, a BOM, and formula-looking cells made inert. */
export function answerCsvWriter(header: string[]): Stringifier {
  return stringify({
    header: true,
    columns: header,
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
