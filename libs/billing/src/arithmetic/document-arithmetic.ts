import { assertSafeInteger, divideRoundHalfAwayFromZero, toSafeNumber } from './integer-rounding';

/** A line as it is priced: integer quantity, unit price in minor units, tax rate in basis points. */
export interface LineToPrice {
  quantity: number;
  unitPrice: number;
  /** 2100 = 21 %; 0 allowed; at most 10000 (100 %). */
  taxRateBps: number;
}

export interface LineAmounts {
  net: number;
  tax: number;
}

export interface DocumentTotals {
  net: number;
  tax: number;
  gross: number;
}

export interface TaxSummaryRow {
  taxRateBps: number;
  net: number;
  tax: number;
}

export interface PricedDocument<L extends LineToPrice> {
  /** The input lines, in order, each with its net and tax added. */
  lines: (L & LineAmounts)[];
  totals: DocumentTotals;
  /** One row per tax rate present, lowest rate first. */
  taxSummary: TaxSummaryRow[];
}

const BASIS_POINTS = 10_000n;

/**
 * Prices a document's lines: net = quantity × unit price; tax rounded per line, half away from
 * zero (half-up for the usual positive amounts); totals and the per-rate summary are sums of the
 * rounded lines, so the printed lines always add up to the printed totals.
 */
export function priceLines<L extends LineToPrice>(lines: readonly L[]): PricedDocument<L> {
  const priced = lines.map((line, index) => ({ ...line, ...priceLine(line, index) }));

  let net = 0n;
  let tax = 0n;
  const byRate = new Map<number, { net: bigint; tax: bigint }>();
  for (const line of priced) {
    net += BigInt(line.net);
    tax += BigInt(line.tax);
    const row = byRate.get(line.taxRateBps) ?? { net: 0n, tax: 0n };
    row.net += BigInt(line.net);
    row.tax += BigInt(line.tax);
    byRate.set(line.taxRateBps, row);
  }

  return {
    lines: priced,
    totals: {
      net: toSafeNumber(net, 'Total net'),
      tax: toSafeNumber(tax, 'Total tax'),
      gross: toSafeNumber(net + tax, 'Total gross'),
    },
    taxSummary: [...byRate.entries()]
      .sort(([a], [b]) => a - b)
      .map(([taxRateBps, row]) => ({
        taxRateBps,
        net: toSafeNumber(row.net, 'Tax summary net'),
        tax: toSafeNumber(row.tax, 'Tax summary tax'),
      })),
  };
}

function priceLine(line: LineToPrice, index: number): LineAmounts {
  const at = `Line ${index + 1}`;
  assertSafeInteger(line.quantity, `${at}: quantity`);
  assertSafeInteger(line.unitPrice, `${at}: unit price`);
  assertSafeInteger(line.taxRateBps, `${at}: tax rate`);
  if (line.taxRateBps < 0 || line.taxRateBps > 10_000) {
    throw new Error(`${at}: tax rate must be between 0 and 10000 basis points, got ${line.taxRateBps}`);
  }
  const net = BigInt(line.quantity) * BigInt(line.unitPrice);
  const tax = divideRoundHalfAwayFromZero(net * BigInt(line.taxRateBps), BASIS_POINTS);
  return { net: toSafeNumber(net, `${at}: net`), tax: toSafeNumber(tax, `${at}: tax`) };
}

/**
 * `amount × days / fullDays`, rounded half-up (half away from zero): the price of a calendar
 * plan's first, partial period. `days` may be 0 (nothing to charge) up to `fullDays` (the whole
 * amount).
 */
export function prorate(amount: number, days: number, fullDays: number): number {
  assertSafeInteger(amount, 'Amount');
  assertSafeInteger(days, 'Days');
  assertSafeInteger(fullDays, 'Full days');
  if (fullDays <= 0) throw new Error(`Full days must be positive, got ${fullDays}`);
  if (days < 0 || days > fullDays) throw new Error(`Days must be between 0 and ${fullDays}, got ${days}`);
  return toSafeNumber(divideRoundHalfAwayFromZero(BigInt(amount) * BigInt(days), BigInt(fullDays)), 'Prorated amount');
}
