import { activeLocale } from '@/i18n/locale';
import {
  formatAmount,
  formatMoney,
  formatPeriod,
  minorToDecimal,
  parseMajorUnits,
  sumMoney,
  timesQuantity,
} from './money';

describe('money (exact: integer minor units, never floating point)', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  it('writes minor units as a decimal string by the currency’s digits', () => {
    expect(minorToDecimal(12345, 'EUR')).toBe('123.45');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimal(500, 'JPY')).toBe('500');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
  });

  it('reads what people type into minor units exactly', () => {
    expect(parseMajorUnits('120', 'EUR')).toEqual({ ok: true, amount: 12000 });
    expect(parseMajorUnits(' 1 234,50 ', 'EUR')).toEqual({ ok: true, amount: 123450 });
    expect(parseMajorUnits('0.1', 'EUR')).toEqual({ ok: true, amount: 10 });
    expect(parseMajorUnits('19.99', 'EUR')).toEqual({ ok: true, amount: 1999 });
  });

  it('refuses what is not an amount, too many decimals and amounts beyond exact integers', () => {
    expect(parseMajorUnits('-3', 'EUR').ok).toBe(false);
    expect(parseMajorUnits('12.345', 'EUR')).toEqual({ ok: false, error: expect.stringContaining('2') });
    expect(parseMajorUnits('12.5', 'JPY')).toEqual({ ok: false, error: expect.stringContaining('JPY') });
    expect(parseMajorUnits('99999999999999999', 'EUR').ok).toBe(false);
    expect(parseMajorUnits('abc', 'EUR').ok).toBe(false);
  });

  it('formats in the SPA’s language, and zero as free', () => {
    expect(formatMoney({ amount: 12000, currency: 'EUR' })).toBe('€120.00');
    activeLocale.value = 'fr';
    expect(formatMoney({ amount: 12000, currency: 'EUR' }).replace(/\s/g, ' ')).toBe('120,00 €');
    expect(formatMoney({ amount: 0, currency: 'EUR' })).not.toBe('0');
  });

  it('words periods', () => {
    expect(formatPeriod({ count: 1, unit: 'year' })).toBe('per year');
    expect(formatPeriod({ count: 3, unit: 'month' })).toContain('3');
  });

  it('adds amounts of one currency, and refuses to mix currencies', () => {
    expect(
      sumMoney([
        { amount: 100, currency: 'EUR' },
        { amount: 250, currency: 'EUR' },
      ]),
    ).toEqual({
      amount: 350,
      currency: 'EUR',
    });
    expect(
      sumMoney([
        { amount: 100, currency: 'EUR' },
        { amount: 1, currency: 'USD' },
      ]),
    ).toBeNull();
    expect(sumMoney([])).toBeNull();
    expect(timesQuantity({ amount: 1999, currency: 'EUR' }, 3)).toEqual({ amount: 5997, currency: 'EUR' });
  });
});

describe('formatAmount (a document amount)', () => {
  it('writes zero as an amount, not as "Free", in the language given', () => {
    expect(formatAmount({ amount: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
    expect(formatAmount({ amount: 726000, currency: 'EUR' }, 'fr')).toMatch(/^7[\u202f\u00a0]260,00[\u00a0\u202f]€$/);
  });
});
