import { stringify, type Stringifier } from 'csv-stringify';
import { MEMBER_STATUS_LABELS, type MemberStatus } from '@tessera/members';
import type { MemberExportRow } from './member-export-sql';

export const MEMBER_CSV_HEADER = [
  'Number',
  'Name',
  'E-mail',
  'Plan',
  'Status',
  'Since',
  'Period end',
  'Amount due',
  'Currency',
] as const;

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as a plain decimal a spreadsheet reads as a number ("1234.50"). */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const units = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${units}` : `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/** One CSV record: a member owing in several currencies gets "12.50; 3" and "EUR; JPY". */
export function memberCsvRecord(row: MemberExportRow): string[] {
  const due = row.due ?? [];
  return [
    row.number,
    row.name,
    row.email ?? '',
    row.plan,
    MEMBER_STATUS_LABELS[row.status as MemberStatus] ?? row.status,
    row.since ?? '',
    row.periodEnd ?? '',
    due.map(([currency, amount]) => decimalAmount(Number(amount), currency)).join('; '),
    due.map(([currency]) => currency).join('; '),
  ];
}

/**
 * The CSV writer: RFC 4180 quoting (commas, quotes, line breaks), CRLF rows, a UTF-8 byte order
 * mark so spreadsheets read accented names right, and cells that a spreadsheet would run as a
 * formula (starting with = + - @, tab or CR) prefixed with an apostrophe: names and e-mails are
 * typed by applicants.
 */
export function memberCsvWriter(): Stringifier {
  return stringify({
    header: true,
    columns: [...MEMBER_CSV_HEADER],
    bom: true,
    record_delimiter: 'windows',
    // Quote any field holding \r or \n, not only the CRLF delimiter (the default once one is set).
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
