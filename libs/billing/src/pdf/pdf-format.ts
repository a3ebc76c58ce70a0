import type { BillingDocumentPdf } from './billing-document-pdf.types';

/** Numbers and dates as a reader of the document's language writes them. */
export interface PdfFormat {
  /** Minor units → "€1,234.56" (en) or "1 234,56 €" (fr). */
  money(amount: number): string;
  /** "2026-12-06" → "6 December 2026" / "6 décembre 2026". */
  date(isoDate: string): string;
  /** 2100 → "21%" / "21 %"; 550 → "5.5%" / "5,5 %". */
  taxRate(bps: number): string;
  quantity(quantity: number): string;
  /** "BE" → "Belgium" / "Belgique"; anything that is no region code is printed as given. */
  country(code: string): string;
}

/** British English gives "6 December 2026" and "€1,234.56"; Belgian French "1 234,56 €". */
const INTL_LOCALE: Record<BillingDocumentPdf['locale'], string> = { en: 'en-GB', fr: 'fr-BE' };

export function pdfFormat(locale: BillingDocumentPdf['locale'], currency: string): PdfFormat {
  const tag = INTL_LOCALE[locale];
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency });
  const decimals = money.resolvedOptions().maximumFractionDigits ?? 2;
  const dates = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 2 });
  const integers = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const regions = new Intl.DisplayNames([tag], { type: 'region', fallback: 'none' });

  return {
    // Intl formats a decimal string exactly (no float on the way), e.g. "-1234.56".
    money: (amount) => money.format(decimalString(amount, decimals) as `${number}`),
    date: (isoDate) => dates.format(parseLocalDate(isoDate)),
    taxRate: (bps) => percent.format(bps / 10_000),
    quantity: (quantity) => integers.format(quantity),
    country: (code) => (/^[A-Z]{2}$/i.test(code) ? (regions.of(code.toUpperCase()) ?? code) : code),
  };
}

function decimalString(minorUnits: number, decimals: number): string {
  if (!Number.isSafeInteger(minorUnits)) throw new Error(`Money must be integer minor units, got ${minorUnits}`);
  const digits = String(Math.abs(minorUnits)).padStart(decimals + 1, '0');
  const sign = minorUnits < 0 ? '-' : '';
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** A local date as UTC midnight, formatted in UTC: no time zone can shift it by a day. */
export function parseLocalDate(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== isoDate) throw new Error(`Not a YYYY-MM-DD date: ${isoDate}`);
  return date;
}
