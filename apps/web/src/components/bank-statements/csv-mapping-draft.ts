import type { CsvColumns, CsvMapping } from '@/api/types';

/** The columns finance points at, one each (the communication may take several). */
export const SINGLE_FIELDS = [
  'bookingDate',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'currency',
  'counterpartyName',
  'counterpartyIban',
  'structuredReference',
  'bankReference',
  'account',
] as const;
export type SingleField = (typeof SINGLE_FIELDS)[number];

/** How the file says which way money went: a signed amount, an amount and a direction column, or two columns. */
export type AmountStyle = 'signed' | 'direction' | 'split';

export const DATE_FORMATS: readonly CsvMapping['dateFormat'][] = [
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'YYYY-MM-DD',
  'YYYYMMDD',
];

/**
 * A mapping as the mapping step edits it: columns by their position in the preview (null: not in
 * the file), so a select can offer "column 3 — Montant" for files with or without a header.
 */
export interface MappingDraft {
  delimiter: string;
  decimalSeparator: ',' | '.';
  dateFormat: CsvMapping['dateFormat'];
  hasHeader: boolean;
  encoding: CsvMapping['encoding'];
  skipLines: number;
  /** The currency of every line when no column gives it; '' for none. */
  currency: string;
  amountStyle: AmountStyle;
  columns: Record<SingleField, number | null>;
  remittance: number[];
  direction: { column: number | null; credit: string; debit: string };
}

/** A header's comparable form, as the server compares them: "Crédit " is "credit". */
export function headerKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The position a mapping's column has in this header (or its number), null when the file lacks it. */
function positionOf(column: string | number | undefined, header: readonly string[]): number | null {
  if (column === undefined) return null;
  if (typeof column === 'number') return column;
  const index = header.findIndex((name) => headerKey(name) === headerKey(column));
  return index >= 0 ? index : null;
}

export function emptyDraft(delimiter = ';', encoding: CsvMapping['encoding'] = 'utf-8'): MappingDraft {
  return {
    delimiter,
    decimalSeparator: ',',
    dateFormat: 'DD/MM/YYYY',
    hasHeader: true,
    encoding,
    skipLines: 0,
    currency: 'EUR',
    amountStyle: 'signed',
    columns: Object.fromEntries(SINGLE_FIELDS.map((field) => [field, null])) as Record<SingleField, number | null>,
    remittance: [],
    direction: { column: null, credit: '', debit: '' },
  };
}

/** A saved mapping or preset laid over the file's header: the columns it names that the file has. */
export function draftFrom(mapping: CsvMapping, header: readonly string[]): MappingDraft {
  const draft = emptyDraft(mapping.delimiter, mapping.encoding);
  const columns = mapping.columns as CsvColumns;
  for (const field of SINGLE_FIELDS) draft.columns[field] = positionOf(columns[field], header);
  return {
    ...draft,
    decimalSeparator: mapping.decimalSeparator,
    dateFormat: mapping.dateFormat,
    hasHeader: mapping.hasHeader,
    skipLines: mapping.skipLines ?? 0,
    currency: mapping.currency ?? '',
    amountStyle: columns.direction ? 'direction' : columns.amount !== undefined ? 'signed' : 'split',
    remittance: (columns.remittance ?? [])
      .map((column) => positionOf(column, header))
      .filter((index): index is number => index !== null),
    direction: {
      column: positionOf(columns.direction?.column, header),
      credit: columns.direction?.credit ?? '',
      debit: columns.direction?.debit ?? '',
    },
  };
}

/**
 * The mapping to save. With a header, columns are saved by name (a bank that adds a column keeps
 * working); without one, by position.
 */
export function mappingFrom(draft: MappingDraft, header: readonly string[]): CsvMapping {
  const name = (index: number) => (draft.hasHeader && header[index] ? header[index] : index);
  const columns: Partial<Record<keyof CsvColumns, unknown>> = {};
  const amountFields: SingleField[] = draft.amountStyle === 'split' ? ['credit', 'debit'] : ['amount'];
  for (const field of SINGLE_FIELDS) {
    const index = draft.columns[field];
    const isAmount = field === 'amount' || field === 'credit' || field === 'debit';
    if (index === null || (isAmount && !amountFields.includes(field))) continue;
    columns[field] = name(index);
  }
  if (draft.remittance.length) columns.remittance = draft.remittance.map(name);
  if (draft.amountStyle === 'direction' && draft.direction.column !== null)
    columns.direction = {
      column: name(draft.direction.column),
      credit: draft.direction.credit.trim(),
      debit: draft.direction.debit.trim(),
    };
  return {
    delimiter: draft.delimiter,
    decimalSeparator: draft.decimalSeparator,
    dateFormat: draft.dateFormat,
    hasHeader: draft.hasHeader,
    encoding: draft.encoding,
    ...(draft.skipLines ? { skipLines: draft.skipLines } : {}),
    ...(draft.currency.trim() ? { currency: draft.currency.trim().toUpperCase() } : {}),
    columns: columns as CsvColumns,
  };
}

/** What is missing before the mapping can read a file: message keys by field of the draft. */
export function draftProblems(draft: MappingDraft): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  const missing = 'bankStatements.mapping.pickColumn';
  if (draft.columns.bookingDate === null) problems.bookingDate = missing;
  if (draft.amountStyle === 'split') {
    if (draft.columns.credit === null) problems.credit = missing;
    if (draft.columns.debit === null) problems.debit = missing;
  } else if (draft.columns.amount === null) problems.amount = missing;
  if (draft.amountStyle === 'direction') {
    if (draft.direction.column === null) problems.direction = missing;
    else if (!draft.direction.credit.trim() || !draft.direction.debit.trim())
      problems.direction = 'bankStatements.mapping.directionValues';
  }
  if (draft.columns.currency === null && !/^[A-Za-z]{3}$/.test(draft.currency.trim()))
    problems.currency = 'bankStatements.mapping.needsCurrency';
  return problems;
}
