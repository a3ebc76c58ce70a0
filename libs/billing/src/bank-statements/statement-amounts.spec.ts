import fc from 'fast-check';
import { BankStatementError } from './bank-statement.types';
import { CAMT_AMOUNT, currencyDecimals, parseMinorUnits, type AmountFormat } from './statement-amounts';

const CSV_COMMA: AmountFormat = { decimalSeparator: ',', grouping: true, signed: true };
const CSV_POINT: AmountFormat = { decimalSeparator: '.', grouping: true, signed: true };

describe('parseMinorUnits', () => {
  it.each([
    ['1234.56', 'EUR', CAMT_AMOUNT, 123456],
    ['0.01', 'EUR', CAMT_AMOUNT, 1],
    ['0012.5', 'EUR', CAMT_AMOUNT, 1250],
    ['7', 'EUR', CAMT_AMOUNT, 700],
    ['1500', 'JPY', CAMT_AMOUNT, 1500],
    ['1500.000', 'JPY', CAMT_AMOUNT, 1500],
    ['1.234', 'BHD', CAMT_AMOUNT, 1234],
    ['-1.234,56', 'EUR', CSV_COMMA, -123456],
    ['+1 234 567,8', 'EUR', CSV_COMMA, 123456780],
    ['1\u00a0234,56', 'EUR', CSV_COMMA, 123456],
    ["12'345,00", 'CHF', CSV_COMMA, 1234500],
    ['1234,56', 'EUR', CSV_COMMA, 123456],
    ['-0,00', 'EUR', CSV_COMMA, 0],
    ['1,234,567.89', 'USD', CSV_POINT, 123456789],
    ['90071992547409.91', 'EUR', CAMT_AMOUNT, Number.MAX_SAFE_INTEGER],
  ])('%s %s', (text, currency, format, expected) => {
    expect(parseMinorUnits(text, currency, format, 'Row 1')).toBe(expected);
  });

  it.each([
    ['12,3,4', CSV_COMMA, 'Row 1 has an invalid amount "12,3,4"'],
    ['12,3,4', CSV_POINT, 'Row 1 has an invalid amount "12,3,4"'],
    ['1.23.456,00', CSV_COMMA, 'Row 1 has an invalid amount "1.23.456,00"'],
    ['1.234 567,00', CSV_COMMA, 'Row 1 has an invalid amount "1.234 567,00"'],
    ['-5', CAMT_AMOUNT, 'Row 1 has an invalid amount "-5"'],
    ['1e3', CAMT_AMOUNT, 'Row 1 has an invalid amount "1e3"'],
    ['', CAMT_AMOUNT, 'Row 1 has an invalid amount ""'],
    ['.5', CAMT_AMOUNT, 'Row 1 has an invalid amount ".5"'],
    ['12.345', CAMT_AMOUNT, 'Row 1 has an amount with more decimals than EUR allows (2): "12.345"'],
    ['90071992547409.92', CAMT_AMOUNT, 'Row 1 has an amount too large: "90071992547409.92"'],
  ])('refuses %p', (text, format, message) => {
    expect(() => parseMinorUnits(text, 'EUR', format, 'Row 1')).toThrow(new BankStatementError(message));
  });

  it('refuses what is not a currency code', () => {
    expect(() => parseMinorUnits('1', 'euro', CAMT_AMOUNT, 'Row 1')).toThrow(
      'Row 1 has "euro" as currency, not a currency code',
    );
    expect(currencyDecimals('EUR')).toBe(2);
    expect(currencyDecimals('JPY')).toBe(0);
  });

  it('is exact for any decimal with at most two places, written either way', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: BigInt(Number.MAX_SAFE_INTEGER) }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        (cents, places, negative) => {
          // Write `cents` with `places` decimals (dropping only zeros), as CAMT and as a Belgian CSV would.
          if (places < 2 && cents % 10n ** BigInt(2 - places) !== 0n) return;
          const whole = cents / 100n;
          const fraction = String(cents % 100n)
            .padStart(2, '0')
            .slice(0, places);
          const point = places ? `${whole}.${fraction}` : `${whole}`;
          const grouped = whole.toLocaleString('de-DE') + (places ? `,${fraction}` : '');
          expect(parseMinorUnits(point, 'EUR', CAMT_AMOUNT, 'Entry 1')).toBe(Number(cents));
          const signed = parseMinorUnits(`${negative ? '-' : ''}${grouped}`, 'EUR', CSV_COMMA, 'Row 1');
          expect(signed).toBe(negative && cents !== 0n ? -Number(cents) : Number(cents));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
