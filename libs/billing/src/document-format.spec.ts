import { formatDocumentDate, formatDocumentMoney } from './document-format';

describe('document formats', () => {
  it('writes amounts as readers of each language do', () => {
    expect(formatDocumentMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatDocumentMoney(123456, 'EUR', 'fr')).toBe('1\u202f234,56\u00a0€');
    expect(formatDocumentMoney(0, 'EUR', 'en')).toBe('€0.00');
    expect(formatDocumentMoney(1500, 'JPY', 'en')).toBe('JP¥1,500');
  });

  it('writes local dates without shifting them by a time zone', () => {
    expect(formatDocumentDate('2027-01-05', 'en')).toBe('5 January 2027');
    expect(formatDocumentDate('2027-01-05', 'fr')).toBe('5 janvier 2027');
    expect(formatDocumentDate('2026-12-31', 'en')).toBe('31 December 2026');
  });
});
