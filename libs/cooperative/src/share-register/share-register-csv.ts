import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ShareRegisterDto } from './share-register.dto';

export const SHARE_REGISTER_CSV_HEADER = [
  'As of',
  'Cooperator number',
  'Holder',
  'Class',
  'Quantity',
  'Share numbers',
  'Capital',
  'Currency',
] as const;

/** Minor units as a plain decimal a spreadsheet reads as a number ("1234.50"). */
export function decimalOf(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown code: cents.
  }
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * The register's holdings as of its date, one row per holder and class, as CSV: RFC 4180 quoting,
 * CRLF rows, a UTF-8 byte order mark (accented names), and cells a spreadsheet would run as a
 * formula (= + - @, tab, CR) prefixed with an apostrophe: holders' names are typed by applicants.
 */
export function shareRegisterCsv(register: ShareRegisterDto): Readable {
  const csv = stringify({
    header: true,
    columns: [...SHARE_REGISTER_CSV_HEADER],
    bom: true,
    record_delimiter: 'windows',
    quote_record_delimiter: true,
    escape_formulas: true,
  });
  const rows = register.holdings.map((holding) => [
    register.asOf,
    holding.holder.cooperatorNumber ?? '',
    holding.holder.name,
    holding.shareClass.code,
    String(holding.quantity),
    holding.shareNumbers,
    decimalOf(holding.capital.amount, holding.capital.currency),
    holding.capital.currency,
  ]);
  return Readable.from(rows).pipe(csv);
}
