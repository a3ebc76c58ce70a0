import { invalidLine } from './bank-statement.types';

/** How a CSV export writes its dates. ING NL writes YYYYMMDD. */
export type StatementDateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DD-MM-YYYY' | 'DD.MM.YYYY' | 'YYYYMMDD';

const FORMATS: Record<StatementDateFormat, { pattern: RegExp; order: 'ymd' | 'dmy' }> = {
  'YYYY-MM-DD': { pattern: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
  'DD/MM/YYYY': { pattern: /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/, order: 'dmy' },
  'DD-MM-YYYY': { pattern: /^(\d{1,2})-(\d{1,2})-(\d{4})$/, order: 'dmy' },
  'DD.MM.YYYY': { pattern: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
  YYYYMMDD: { pattern: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
};

/** A date in one of the CSV formats as YYYY-MM-DD; `subject` and `what` name it in the message. */
export function parseStatementDate(text: string, format: StatementDateFormat, subject: string, what: string): string {
  const match = FORMATS[format].pattern.exec(text.trim());
  if (!match) throw invalidLine(`${subject} has ${what} "${text}" that is not a ${format} date`);
  const [year, month, day] = FORMATS[format].order === 'ymd' ? match.slice(1) : match.slice(1).reverse();
  return calendarDate(Number(year), Number(month), Number(day), text, subject, what);
}

/** XML Schema `date` or `dateTime` (CAMT `Dt` or `DtTm`): the date as written, its offset ignored. */
const XSD_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

export function parseXsdDate(text: string, subject: string, what: string): string {
  const match = XSD_DATE.exec(text.trim());
  if (!match) throw invalidLine(`${subject} has ${what} "${text}" that is not an ISO date`);
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), text, subject, what);
}

/** Only dates that exist: 2026-02-29 and 31/04 are refused, not rolled over. */
function calendarDate(year: number, month: number, day: number, text: string, subject: string, what: string): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw invalidLine(`${subject} has ${what} "${text}" that does not exist`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
