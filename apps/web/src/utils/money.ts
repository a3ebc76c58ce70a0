import type { Money, PlanPeriod } from '@/api/types';
import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';

/**
 * Money is exact: integer minor units (cents) with an ISO 4217 currency, as the API sends it.
 * Conversions to and from what people read and type go through decimal strings, never through
 * floating-point arithmetic.
 */

/** Digits after the decimal point for a currency (EUR 2, JPY 0, KWD 3). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** 12345 EUR → "123.45" (exact). */
export function minorToDecimal(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

export type ParsedAmount = { ok: true; amount: number } | { ok: false; error: string };

/**
 * "120", "120.5", "1 234,50" → minor units, exactly. Refuses more decimals than the currency has,
 * negative amounts and amounts beyond what a JavaScript number holds exactly.
 */
export function parseMajorUnits(input: string, currency: string): ParsedAmount {
  const digits = minorDigits(currency);
  const compact = input.trim().replace(/[\s\u00a0\u202f']/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return { ok: false, error: translate('format.money.amountFormat') };
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      error:
        digits === 0
          ? translate('format.money.noDecimals', { currency })
          : translate('format.money.maxDecimals', { digits }),
    };
  }
  const amount = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(amount)) return { ok: false, error: translate('format.money.tooLarge') };
  return { ok: true, amount };
}

/** "€120.00", or "Free" for zero (a price), in the SPA's language. */
export function formatMoney(money: Money, locale: string = activeLocale.value): string {
  if (money.amount === 0) return translate('format.money.free');
  return formatAmount(money, locale);
}

/** "€120.00", "€0.00": an amount on a document (nothing due is 0, not "Free"). */
export function formatAmount(money: Money, locale: string = activeLocale.value): string {
  const decimal = minorToDecimal(money.amount, money.currency) as `${number}`;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(decimal);
  } catch {
    return `${decimal} ${money.currency}`;
  }
}

/** "per year", "per month", "every 3 months", in the SPA's language. */
export function formatPeriod(period: PlanPeriod): string {
  if (period.count === 1) return translate(`format.period.per.${period.unit}`);
  return translate(`format.period.every.${period.unit}`, { count: period.count });
}

/**
 * The sum of amounts in one currency, or null when they are in several (an order has one
 * currency) or there are none.
 */
export function sumMoney(amounts: Money[]): Money | null {
  const [first] = amounts;
  if (!first || amounts.some((money) => money.currency !== first.currency)) return null;
  return { amount: amounts.reduce((total, money) => total + money.amount, 0), currency: first.currency };
}

/** A unit price times a whole quantity, exactly. */
export function timesQuantity(money: Money, quantity: number): Money {
  return { amount: money.amount * quantity, currency: money.currency };
}
