import { activeLocale } from '@/i18n/locale';

/**
 * Tax rates are integer basis points, as the API sends them (2100 = 21 %). People read and type
 * them as percentages with up to two decimals; the conversions go through decimal strings, so
 * 5.5 % is exactly 550, never 549.9999.
 */

/** The highest rate: 100 % (10000 basis points). */
export const MAX_TAX_RATE_BPS = 10_000;

export type ParsedTaxRate = { ok: true; bps: number } | { ok: false; reason: 'format' | 'decimals' | 'range' };

/** "21", "5.5", "5,5 %", "12.75" → basis points; at most two decimals, 0 to 100. */
export function percentToBps(input: string): ParsedTaxRate {
  const match = /^(\d{1,3})(?:[.,](\d*))?$/.exec(input.trim().replace(/\s*%$/, ''));
  if (!match) return { ok: false, reason: 'format' };
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, reason: 'decimals' };
  const bps = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  return bps <= MAX_TAX_RATE_BPS ? { ok: true, bps } : { ok: false, reason: 'range' };
}

/** 2100 → "21", 550 → "5.5", 1275 → "12.75": what the percentage field shows. */
export function bpsToPercent(bps: number): string {
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${Math.trunc(bps / 100)}.${fraction}` : String(Math.trunc(bps / 100));
}

/** "21%" in English, "21 %" in French, "5.5%"; exact. */
export function formatTaxRate(bps: number, locale: string = activeLocale.value): string {
  const fraction = `${Math.trunc(bps / 10_000)}.${String(bps % 10_000).padStart(4, '0')}` as `${number}`;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}
