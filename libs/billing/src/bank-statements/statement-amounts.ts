import { invalidLine } from './bank-statement.types';

export interface AmountFormat {
  decimalSeparator: ',' | '.';
  /** Whether thousands may be grouped (`1.234,56`, `1 234,56`, `1,234.56`); CAMT never groups. */
  grouping: boolean;
  /** Whether a leading `-` or `+` is allowed; the result is then signed. */
  signed: boolean;
}

export const CAMT_AMOUNT: AmountFormat = { decimalSeparator: '.', grouping: false, signed: false };

const CURRENCY = /^[A-Z]{3}$/;
const decimalsByCurrency = new Map<string, number>();

/** ISO 4217 minor unit digits, as Intl knows them (EUR 2, JPY 0, BHD 3); the rest of billing does the same. */
export function currencyDecimals(currency: string, subject = 'The file'): number {
  let decimals = decimalsByCurrency.get(currency);
  if (decimals === undefined) {
    if (!CURRENCY.test(currency)) throw invalidLine(`${subject} has "${currency}" as currency, not a currency code`);
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    decimals = format.resolvedOptions().maximumFractionDigits ?? 2;
    decimalsByCurrency.set(currency, decimals);
  }
  return decimals;
}

const patterns = new Map<string, RegExp>();

/** Digits, optionally grouped by threes with one separator used throughout, then the decimals. */
function amountPattern(format: AmountFormat): RegExp {
  const key = `${format.decimalSeparator}${format.grouping}${format.signed}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const decimal = format.decimalSeparator === '.' ? '\\.' : ',';
    const groups = format.decimalSeparator === '.' ? ",' \\u00a0\\u202f" : ".' \\u00a0\\u202f";
    const integer = format.grouping
      ? `\\d{1,3}(?:(?<separator>[${groups}])\\d{3})(?:\\k<separator>\\d{3})*|\\d+`
      : `\\d+`;
    const sign = format.signed ? '(?<sign>[+-])?' : '';
    pattern = new RegExp(`^${sign}(?<integer>${integer})(?:${decimal}(?<fraction>\\d+))?$`);
    patterns.set(key, pattern);
  }
  return pattern;
}

/**
 * An amount written in decimal as exact integer minor units of `currency`: `1234.56` EUR → 123456,
 * `1500` JPY → 1500. Never goes through floating point. Decimals beyond the currency's are refused
 * unless they are zeros (`1500.00` JPY is exact). `subject` names the place in the file, for the
 * message: `Entry 3`, `Row 12`.
 */
export function parseMinorUnits(text: string, currency: string, format: AmountFormat, subject: string): number {
  const groups = amountPattern(format).exec(text.trim())?.groups;
  if (!groups) throw invalidLine(`${subject} has an invalid amount "${text}"`);
  const { sign, integer, separator, fraction = '' } = groups;
  const decimals = currencyDecimals(currency, subject);
  if (/[^0]/.test(fraction.slice(decimals))) {
    throw invalidLine(`${subject} has an amount with more decimals than ${currency} allows (${decimals}): "${text}"`);
  }
  const digits = integer.split(separator ?? '').join('') + fraction.slice(0, decimals).padEnd(decimals, '0');
  const value = BigInt(digits);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidLine(`${subject} has an amount too large: "${text}"`);
  return sign === '-' && value !== 0n ? -Number(value) : Number(value);
}
