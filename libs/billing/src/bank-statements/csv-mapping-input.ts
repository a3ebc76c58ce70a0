import { ProblemException, type FieldErrorDto } from '@tessera/core';
import type { CsvColumn, CsvColumns, CsvMapping } from './csv-mapping';

const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYYMMDD'];
const SINGLE_COLUMNS = [
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

const isColumn = (value: unknown): value is CsvColumn =>
  (typeof value === 'string' && value.length > 0 && value.length <= 100) ||
  (Number.isInteger(value) && (value as number) >= 0 && (value as number) < 200);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A CSV mapping sent as JSON in the `mapping` form field, checked field by field (the parser
 * trusts its shape): a 400 naming what is wrong, never a failure deeper down.
 */
export function csvMappingFrom(json: string): CsvMapping {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw ProblemException.validation([{ field: 'mapping', message: 'must be JSON' }]);
  }
  return csvMappingOf(value);
}

/** The same checks on a parsed value (a JSON body's `mapping`); field errors start with `field`. */
export function csvMappingOf(value: unknown, field = 'mapping'): CsvMapping {
  const errors: FieldErrorDto[] = [];
  const fail = (name: string, message: string) => errors.push({ field: `${field}.${name}`, message });
  if (!isObject(value)) throw ProblemException.validation([{ field, message: 'must be a JSON object' }]);
  const m = value;
  if (typeof m.delimiter !== 'string' || m.delimiter.length !== 1 || /[\r\n"]/.test(m.delimiter))
    fail('delimiter', 'must be one character (not a quote or line break)');
  if (m.decimalSeparator !== ',' && m.decimalSeparator !== '.') fail('decimalSeparator', 'must be "," or "."');
  if (!DATE_FORMATS.includes(m.dateFormat as string)) fail('dateFormat', `must be one of ${DATE_FORMATS.join(', ')}`);
  if (typeof m.hasHeader !== 'boolean') fail('hasHeader', 'must be true or false');
  if (m.encoding !== 'utf-8' && m.encoding !== 'latin1') fail('encoding', 'must be utf-8 or latin1');
  if (
    m.skipLines !== undefined &&
    !(Number.isInteger(m.skipLines) && (m.skipLines as number) >= 0 && (m.skipLines as number) <= 100)
  )
    fail('skipLines', 'must be a whole number from 0 to 100');
  if (m.currency !== undefined && !(typeof m.currency === 'string' && /^[A-Z]{3}$/.test(m.currency)))
    fail('currency', 'must be an ISO 4217 code such as EUR');
  const known = new Set([
    'delimiter',
    'decimalSeparator',
    'dateFormat',
    'hasHeader',
    'encoding',
    'skipLines',
    'currency',
    'columns',
  ]);
  for (const key of Object.keys(m)) if (!known.has(key)) fail(key, 'is not a mapping setting');
  if (!isObject(m.columns)) fail('columns', 'must be an object naming the columns');
  else checkColumns(m.columns, fail);
  if (errors.length > 0) throw ProblemException.validation(errors);
  return m as unknown as CsvMapping;
}

function checkColumns(columns: Record<string, unknown>, fail: (field: string, message: string) => void): void {
  const known = new Set<string>([...SINGLE_COLUMNS, 'direction', 'remittance']);
  for (const key of Object.keys(columns)) if (!known.has(key)) fail(`columns.${key}`, 'is not a column of a mapping');
  for (const key of SINGLE_COLUMNS)
    if (columns[key] !== undefined && !isColumn(columns[key]))
      fail(`columns.${key}`, 'must be a header name or a 0-based column number');
  if (columns.bookingDate === undefined) fail('columns.bookingDate', 'is required');
  // As the parser reads them: a signed (or directed) amount, or a credit and a debit column.
  const amounts = columns.amount !== undefined;
  const split = columns.credit !== undefined && columns.debit !== undefined;
  if (amounts === split) fail('columns.amount', 'map an amount column, or both a credit and a debit column');
  const { remittance, direction } = columns as Partial<Record<keyof CsvColumns, unknown>>;
  if (remittance !== undefined && !(Array.isArray(remittance) && remittance.length <= 10 && remittance.every(isColumn)))
    fail('columns.remittance', 'must be a list of up to 10 columns');
  if (
    direction !== undefined &&
    !(
      isObject(direction) &&
      isColumn(direction.column) &&
      typeof direction.credit === 'string' &&
      typeof direction.debit === 'string'
    )
  )
    fail('columns.direction', 'must be {column, credit, debit}');
}
