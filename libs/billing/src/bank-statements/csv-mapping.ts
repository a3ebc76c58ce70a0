import type { StatementDateFormat } from './statement-dates';
import type { StatementEncoding } from './statement-text';

/**
 * A column by its header (matched ignoring case, accents and repeated spaces, so "Credit" finds
 * "Crédit") or by its 0-based position, which files without a header row need.
 */
export type CsvColumn = string | number;

/** How one bank's CSV export is laid out; saved per bank account and edited by finance. */
export interface CsvMapping {
  delimiter: string;
  decimalSeparator: ',' | '.';
  dateFormat: StatementDateFormat;
  hasHeader: boolean;
  encoding: StatementEncoding;
  /** Lines before the header (or the first row): some exports start with the account and its balance. */
  skipLines?: number;
  /** The currency of every line when the file has no currency column. */
  currency?: string;
  columns: CsvColumns;
}

export interface CsvColumns {
  bookingDate: CsvColumn;
  valueDate?: CsvColumn;
  /**
   * The amount: signed (negative is a debit) unless `direction` says which way. Alternatively
   * `credit` and `debit`, two columns of which one is filled on each line.
   */
  amount?: CsvColumn;
  direction?: { column: CsvColumn; credit: string; debit: string };
  credit?: CsvColumn;
  debit?: CsvColumn;
  currency?: CsvColumn;
  counterpartyName?: CsvColumn;
  counterpartyIban?: CsvColumn;
  /** A column that holds only the structured reference (some Belgian banks export one). */
  structuredReference?: CsvColumn;
  /** The free text; several columns are joined with a space. */
  remittance?: CsvColumn[];
  /** The bank's reference or sequence number of the line, which then becomes its key. */
  bankReference?: CsvColumn;
  /** The account the file is about: all lines must agree; becomes the statement's accountIban. */
  account?: CsvColumn;
}
