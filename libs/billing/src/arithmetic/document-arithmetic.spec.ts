import fc from 'fast-check';
import { priceLines, prorate } from './document-arithmetic';

describe('priceLines', () => {
  it('prices hand-worked lines: net = quantity × price, tax per line half-up', () => {
    const { lines } = priceLines([
      { quantity: 3, unitPrice: 1999, taxRateBps: 2100 }, // 5997 × 0.21 = 1259.37 → 1259
      { quantity: 1, unitPrice: 50, taxRateBps: 2100 }, //     50 × 0.21 = 10.5    → 11
      { quantity: 1, unitPrice: 150, taxRateBps: 2100 }, //   150 × 0.21 = 31.5    → 32
      { quantity: 2, unitPrice: 1234, taxRateBps: 600 }, //  2468 × 0.06 = 148.08  → 148
      { quantity: 1, unitPrice: 1010, taxRateBps: 550 }, //  1010 × 0.055 = 55.55  → 56
      { quantity: 1, unitPrice: 1, taxRateBps: 4999 }, //       1 × 0.4999         → 0
    ]);
    expect(lines.map(({ net, tax }) => [net, tax])).toEqual([
      [5997, 1259],
      [50, 11],
      [150, 32],
      [2468, 148],
      [1010, 56],
      [1, 0],
    ]);
  });

  it('keeps the caller’s own fields on each line', () => {
    const { lines } = priceLines([{ description: 'Yearly membership', quantity: 1, unitPrice: 5000, taxRateBps: 0 }]);
    expect(lines[0]).toEqual({
      description: 'Yearly membership',
      quantity: 1,
      unitPrice: 5000,
      taxRateBps: 0,
      net: 5000,
      tax: 0,
    });
  });

  it('prices a free line and a zero rate as nothing', () => {
    const result = priceLines([
      { quantity: 1, unitPrice: 0, taxRateBps: 2100 },
      { quantity: 4, unitPrice: 2500, taxRateBps: 0 },
    ]);
    expect(result.lines.map(({ net, tax }) => [net, tax])).toEqual([
      [0, 0],
      [10000, 0],
    ]);
    expect(result.totals).toEqual({ net: 10000, tax: 0, gross: 10000 });
  });

  it('sums several rates into totals and a summary sorted by rate', () => {
    const result = priceLines([
      { quantity: 1, unitPrice: 10000, taxRateBps: 2100 }, // tax 2100
      { quantity: 2, unitPrice: 1575, taxRateBps: 600 }, //  net 3150, tax 189
      { quantity: 1, unitPrice: 999, taxRateBps: 2100 }, //  tax 209.79 → 210
      { quantity: 1, unitPrice: 4000, taxRateBps: 0 },
    ]);
    expect(result.totals).toEqual({ net: 18149, tax: 2499, gross: 20648 });
    expect(result.taxSummary).toEqual([
      { taxRateBps: 0, net: 4000, tax: 0 },
      { taxRateBps: 600, net: 3150, tax: 189 },
      { taxRateBps: 2100, net: 10999, tax: 2310 },
    ]);
  });

  it('sums rounded lines, not the rounded sum (two 10.5 taxes make 22, not 21)', () => {
    const result = priceLines([
      { quantity: 1, unitPrice: 50, taxRateBps: 2100 },
      { quantity: 1, unitPrice: 50, taxRateBps: 2100 },
    ]);
    expect(result.totals.tax).toBe(22);
    expect(result.taxSummary).toEqual([{ taxRateBps: 2100, net: 100, tax: 22 }]);
  });

  it('rounds a negative half away from zero, mirroring the positive line', () => {
    const { lines } = priceLines([
      { quantity: -1, unitPrice: 50, taxRateBps: 2100 },
      { quantity: 3, unitPrice: -1999, taxRateBps: 2100 },
    ]);
    expect(lines.map(({ net, tax }) => [net, tax])).toEqual([
      [-50, -11],
      [-5997, -1259],
    ]);
  });

  it('gives empty totals for no lines', () => {
    expect(priceLines([])).toEqual({ lines: [], totals: { net: 0, tax: 0, gross: 0 }, taxSummary: [] });
  });

  it('is exact where floats are not (large amounts)', () => {
    // 2^50 × 2100 / 10000 overflows float precision; BigInt keeps every digit.
    const unitPrice = 2 ** 50; // 1125899906842624
    const { lines } = priceLines([{ quantity: 1, unitPrice, taxRateBps: 2100 }]);
    expect(lines[0].tax).toBe(236438980436951); // 236438980436951.04 → …951
  });

  it.each([
    ['a fractional price', { quantity: 1, unitPrice: 12.5, taxRateBps: 2100 }],
    ['a fractional quantity', { quantity: 0.5, unitPrice: 100, taxRateBps: 2100 }],
    ['a fractional rate', { quantity: 1, unitPrice: 100, taxRateBps: 21.5 }],
    ['NaN', { quantity: 1, unitPrice: Number.NaN, taxRateBps: 0 }],
    ['an unsafe integer', { quantity: 1, unitPrice: 2 ** 53, taxRateBps: 0 }],
    ['a negative rate', { quantity: 1, unitPrice: 100, taxRateBps: -1 }],
    ['a rate above 100 %', { quantity: 1, unitPrice: 100, taxRateBps: 10001 }],
    ['a net beyond safe integers', { quantity: 2 ** 30, unitPrice: 2 ** 30, taxRateBps: 0 }],
  ])('throws on %s (a caller bug)', (_name, line) => {
    expect(() => priceLines([line])).toThrow(Error);
  });

  const line = fc.record({
    quantity: fc.integer({ min: -1000, max: 1000 }),
    unitPrice: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    taxRateBps: fc.integer({ min: 0, max: 10_000 }),
  });

  it('property: gross = net + tax, and totals and summary are the sums of the lines', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (input) => {
        const { lines, totals, taxSummary } = priceLines(input);
        const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
        expect(totals.gross).toBe(totals.net + totals.tax);
        expect(totals.net).toBe(sum(lines.map((l) => l.net)));
        expect(totals.tax).toBe(sum(lines.map((l) => l.tax)));
        expect(sum(taxSummary.map((r) => r.net))).toBe(totals.net);
        expect(sum(taxSummary.map((r) => r.tax))).toBe(totals.tax);
        const rates = taxSummary.map((r) => r.taxRateBps);
        expect(rates).toEqual([...new Set(input.map((l) => l.taxRateBps))].sort((a, b) => a - b));
      }),
    );
  });

  it('property: each tax is within half a minor unit of the exact tax, ties away from zero', () => {
    fc.assert(
      fc.property(line, (input) => {
        const [{ net, tax }] = priceLines([input]).lines;
        expect(net).toBe(input.quantity * input.unitPrice + 0); // + 0: the product may be −0
        // Compare tax × 10000 with net × rate, both exact integers: |difference| ≤ 5000.
        const error = BigInt(tax) * 10_000n - BigInt(net) * BigInt(input.taxRateBps);
        expect(error <= 5000n && error >= -5000n).toBe(true);
        if (error === 5000n) expect(net).toBeGreaterThan(0);
        if (error === -5000n) expect(net).toBeLessThan(0);
      }),
    );
  });

  it('property: negating a line negates its amounts', () => {
    fc.assert(
      fc.property(line, (input) => {
        const [positive] = priceLines([input]).lines;
        const [negative] = priceLines([{ ...input, unitPrice: -input.unitPrice }]).lines;
        expect(negative.net).toBe(-positive.net + 0);
        expect(negative.tax).toBe(-positive.tax + 0);
      }),
    );
  });
});

describe('prorate', () => {
  it('prorates hand-worked periods half-up', () => {
    expect(prorate(12000, 31, 365)).toBe(1019); // 1019.178…
    expect(prorate(5000, 1, 2)).toBe(2500);
    expect(prorate(5001, 1, 2)).toBe(2501); // 2500.5 → 2501
    expect(prorate(100, 1, 3)).toBe(33);
    expect(prorate(100, 2, 3)).toBe(67);
    expect(prorate(-5001, 1, 2)).toBe(-2501);
  });

  it('charges nothing for no days and everything for the whole period', () => {
    expect(prorate(12000, 0, 366)).toBe(0);
    expect(prorate(12000, 366, 366)).toBe(12000);
  });

  it.each([
    [12.5, 1, 2],
    [100, 1.5, 2],
    [100, 1, 0],
    [100, -1, 2],
    [100, 3, 2],
  ])('throws on prorate(%p, %p, %p)', (amount, days, fullDays) => {
    expect(() => prorate(amount, days, fullDays)).toThrow(Error);
  });

  it('property: within half a minor unit of the exact share, and never more than the amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc
          .integer({ min: 1, max: 366 })
          .chain((full) => fc.tuple(fc.integer({ min: 0, max: full }), fc.constant(full))),
        (amount, [days, fullDays]) => {
          const share = prorate(amount, days, fullDays);
          const error = 2n * (BigInt(share) * BigInt(fullDays) - BigInt(amount) * BigInt(days));
          expect(error <= BigInt(fullDays) && error > -BigInt(fullDays)).toBe(true);
          expect(share).toBeLessThanOrEqual(amount);
        },
      ),
    );
  });
});
