import { bpsToPercent, formatTaxRate, percentToBps } from './tax-rate';

describe('tax rates (basis points, typed as percentages)', () => {
  it.each([
    ['21', 2100],
    ['0', 0],
    ['5.5', 550],
    ['5,5', 550],
    ['12.75', 1275],
    [' 6 % ', 600],
    ['0.01', 1],
    ['100', 10000],
    ['100.00', 10000],
    ['19.', 1900],
  ])('reads %p as %d basis points', (input, bps) => {
    expect(percentToBps(input)).toEqual({ ok: true, bps });
  });

  it.each([
    ['', 'format'],
    ['abc', 'format'],
    ['-1', 'format'],
    ['1e2', 'format'],
    ['.5', 'format'],
    ['5.555', 'decimals'],
    ['100.01', 'range'],
    ['250', 'range'],
  ])('refuses %p (%s)', (input, reason) => {
    expect(percentToBps(input)).toEqual({ ok: false, reason });
  });

  it('writes basis points back as the shortest percentage, and every two-decimal rate round-trips', () => {
    expect([2100, 550, 1275, 0, 1, 10000, 1010].map(bpsToPercent)).toEqual([
      '21',
      '5.5',
      '12.75',
      '0',
      '0.01',
      '100',
      '10.1',
    ]);
    for (let bps = 0; bps <= 10_000; bps += 1) expect(percentToBps(bpsToPercent(bps))).toEqual({ ok: true, bps });
  });

  it('shows the rate in the reader’s language', () => {
    expect(formatTaxRate(2100, 'en')).toBe('21%');
    expect(formatTaxRate(550, 'en')).toBe('5.5%');
    expect(formatTaxRate(1275, 'fr')).toMatch(/^12,75[\u00a0\u202f]%$/); // a no-break space, by ICU version
    expect(formatTaxRate(0, 'en')).toBe('0%');
  });
});
