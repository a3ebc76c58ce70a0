import { CsvError, parse } from 'csv-parse/sync';
import {
  BankStatementError,
  MAX_STATEMENT_LINES,
  type BankStatement,
  type BankStatementLine,
  invalidLine,
} from './bank-statement.types';
import type { CsvColumn, CsvMapping } from './csv-mapping';
import { LineKeys } from './line-keys';
import { parseMinorUnits, type AmountFormat } from './statement-amounts';
import { parseStatementDate } from './statement-dates';
import { cleanText, decodeStatementText, validIban } from './statement-text';

interface CsvRow {
  record: string[];
  info: { lines: number };
}

/**
 * A bank's CSV export, read with the bank's mapping (see CSV_PRESETS for starting points). Each
 * row is a line; rows with neither date nor amount (blank or summary rows) are skipped. A row the
 * mapping cannot read is a BankStatementError naming its line in the file.
 */
export function parseCsvStatement(text: string | Buffer, mapping: CsvMapping): BankStatement {
  checkMapping(mapping);
  const skip = mapping.skipLines ?? 0;
  const header = mapping.hasHeader ? 1 : 0;
  const rows = readRows(decodeStatementText(text, mapping.encoding), mapping, skip + header + MAX_STATEMENT_LINES + 1);
  if (rows.length > header + MAX_STATEMENT_LINES) {
    throw new BankStatementError(
      `The file has more than ${MAX_STATEMENT_LINES.toLocaleString('en')} lines; split it`,
      'bankStatementTooLong',
    );
  }
  const column = columnIndexes(mapping, header ? rows[0]?.record : undefined);
  const read = new RowReader(mapping, column);
  const lines: BankStatementLine[] = [];
  for (const row of rows.slice(header)) {
    const line = read.row(row.record, `Line ${row.info.lines}`);
    if (line) lines.push(line);
  }
  const currencies = new Set(lines.map((l) => l.currency));
  return {
    format: 'csv',
    statementId: null,
    accountIban: read.accountIban,
    currency: currencies.size === 1 ? lines[0].currency : (mapping.currency ?? null),
    createdAt: null,
    openingBalance: null,
    closingBalance: null,
    lines,
  };
}

function checkMapping(mapping: CsvMapping): void {
  const { amount, credit, debit } = mapping.columns;
  if ((amount === undefined) === (credit === undefined || debit === undefined)) {
    throw new BankStatementError(
      'The mapping needs either an amount column or both a credit and a debit column',
      'bankStatementMappingMismatch',
    );
  }
  if (!mapping.delimiter) throw new BankStatementError('The mapping needs a delimiter', 'bankStatementMappingMismatch');
}

function readRows(text: string, mapping: CsvMapping, toLine: number): CsvRow[] {
  try {
    return parse(text, {
      delimiter: mapping.delimiter,
      from_line: (mapping.skipLines ?? 0) + 1,
      to_line: toLine,
      relax_column_count: true,
      // Quotes inside an unquoted field (a communication `dit "merci"`) are text, as banks write them.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as CsvRow[];
  } catch (error) {
    if (error instanceof CsvError) throw new BankStatementError(`The file is not valid CSV: ${error.message}`);
    throw error;
  }
}

/** The comparable form of a header: "Crédit " and "credit" are the same column. */
export function headerKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Each mapped column's position, checked against the header when the file has one. */
function columnIndexes(mapping: CsvMapping, header: string[] | undefined): (column: CsvColumn) => number {
  const positions = new Map((header ?? []).map((name, index) => [headerKey(name), index] as const));
  const resolve = (column: CsvColumn): number => {
    if (typeof column === 'number') return column;
    const index = positions.get(headerKey(column));
    if (index === undefined) {
      throw new BankStatementError(
        header
          ? `The column "${column}" is not in the file's header (${header.join(', ')})`
          : `The column "${column}" is named, but the mapping says the file has no header row`,
        'bankStatementMappingMismatch',
      );
    }
    return index;
  };
  // Resolve every mapped column up front, so a wrong mapping fails before the first row.
  const { direction, remittance, ...single } = mapping.columns;
  for (const column of [...Object.values(single), direction?.column, ...(remittance ?? [])]) {
    if (column !== undefined) resolve(column);
  }
  return resolve;
}

/** Reads rows into lines, keeping the state that spans rows: line keys and the account. */
class RowReader {
  accountIban: string | null = null;
  private readonly keys = new LineKeys();
  private readonly format: AmountFormat;

  constructor(
    private readonly mapping: CsvMapping,
    private readonly column: (column: CsvColumn) => number,
  ) {
    this.format = { decimalSeparator: mapping.decimalSeparator, grouping: true, signed: true };
  }

  row(record: string[], subject: string): BankStatementLine | null {
    const { columns } = this.mapping;
    const cell = (column: CsvColumn | undefined) => (column === undefined ? '' : (record[this.column(column)] ?? ''));
    const date = cell(columns.bookingDate);
    const amounts = [columns.amount, columns.credit, columns.debit].map(cell);
    if (!date && amounts.every((a) => !a)) return null;
    if (!date) throw invalidLine(`${subject} has no date`);

    const currency = (cell(columns.currency) || this.mapping.currency || '').toUpperCase();
    if (!currency) {
      throw invalidLine(`${subject} has no currency (map a currency column or set a fixed currency)`);
    }
    const signed = this.signedAmount(cell, currency, subject);
    if (signed === 0) return null;
    this.checkAccount(cell(columns.account), subject);

    const valueDate = cell(columns.valueDate);
    const line = {
      bookingDate: parseStatementDate(date, this.mapping.dateFormat, subject, 'a date'),
      valueDate: valueDate ? parseStatementDate(valueDate, this.mapping.dateFormat, subject, 'a value date') : null,
      amount: Math.abs(signed),
      direction: signed > 0 ? ('credit' as const) : ('debit' as const),
      currency,
      counterpartyName: cleanText(cell(columns.counterpartyName)),
      counterpartyIban: validIban(cell(columns.counterpartyIban)),
      structuredReference: cleanText(cell(columns.structuredReference)),
      remittanceText: cleanText((columns.remittance ?? []).map(cell).join(' ')),
      endToEndId: null,
      bankReference: cleanText(cell(columns.bankReference)),
    };
    const lineKey = this.keys.key(line.bankReference, [
      line.bookingDate,
      line.valueDate,
      line.direction,
      line.amount,
      line.currency,
      line.counterpartyIban,
      line.counterpartyName,
      line.structuredReference,
      line.remittanceText,
    ]);
    return { lineKey, ...line };
  }

  /** Positive for a credit, negative for a debit, from whichever columns the mapping uses. */
  private signedAmount(cell: (column: CsvColumn | undefined) => string, currency: string, subject: string): number {
    const { amount, direction, credit, debit } = this.mapping.columns;
    const parse = (text: string) => parseMinorUnits(text, currency, this.format, subject);
    if (amount !== undefined) {
      const text = cell(amount);
      if (!text) throw invalidLine(`${subject} has no amount`);
      if (!direction) return parse(text);
      const way = cell(direction.column).toLowerCase();
      const magnitude = Math.abs(parse(text));
      if (way === direction.credit.toLowerCase()) return magnitude;
      if (way === direction.debit.toLowerCase()) return -magnitude;
      throw invalidLine(
        `${subject} has "${cell(direction.column)}" as direction, not "${direction.credit}" or "${direction.debit}"`,
      );
    }
    // Debit columns are written positive by some banks and negative by others: the column decides.
    const [received, paid] = [cell(credit), cell(debit)].map((text) => (text ? Math.abs(parse(text)) : 0));
    if (received && paid) throw invalidLine(`${subject} has both a credit and a debit amount`);
    if (!cell(credit) && !cell(debit)) throw invalidLine(`${subject} has no amount`);
    return received - paid;
  }

  private checkAccount(text: string, subject: string): void {
    const iban = validIban(text) ?? cleanText(text)?.replace(/\s+/g, '') ?? null;
    if (!iban) return;
    if (this.accountIban === null) this.accountIban = iban;
    else if (iban !== this.accountIban) {
      throw new BankStatementError(
        `${subject} is for account ${iban}, not ${this.accountIban}: one account per file`,
        'bankStatementOtherAccount',
      );
    }
  }
}
