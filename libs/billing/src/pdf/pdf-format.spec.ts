import { pdfFonts } from './pdf-fonts';
import { parseLocalDate, pdfFormat } from './pdf-format';

/** Intl writes French amounts with U+202F and U+00A0; compare them as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('pdfFormat', () => {
  const en = pdfFormat('en', 'EUR');
  const fr = pdfFormat('fr', 'EUR');

  it('formats money from minor units, exactly', () => {
    expect(en.money(123456)).toBe('€1,234.56');
    expect(plain(fr.money(123456))).toBe('1 234,56 €');
    expect(en.money(5)).toBe('€0.05');
    expect(en.money(0)).toBe('€0.00');
    expect(en.money(-1999)).toBe('-€19.99');
    // Beyond float precision for cents: 90 071 992 547 409.91 must keep its last digits.
    expect(en.money(Number.MAX_SAFE_INTEGER)).toBe('€90,071,992,547,409.91');
    expect(pdfFormat('en', 'JPY').money(1234)).toBe('JP¥1,234');
    expect(() => en.money(12.5)).toThrow(Error);
  });

  it('keeps French amounts on one line: no ordinary space inside', () => {
    expect(fr.money(123456789)).not.toContain(' ');
    expect(fr.taxRate(2100)).not.toContain(' ');
  });

  it('formats local dates in words, never shifted by a time zone', () => {
    expect(en.date('2026-12-06')).toBe('6 December 2026');
    expect(fr.date('2026-12-06')).toBe('6 décembre 2026');
    expect(fr.date('2027-01-01')).toBe('1 janvier 2027');
    expect(() => en.date('2026-02-30')).toThrow(Error);
    expect(() => parseLocalDate('06/12/2026')).toThrow(Error);
  });

  it('formats tax rates from basis points', () => {
    expect(en.taxRate(2100)).toBe('21%');
    expect(en.taxRate(550)).toBe('5.5%');
    expect(en.taxRate(0)).toBe('0%');
    expect(plain(fr.taxRate(2100))).toBe('21 %');
    expect(plain(fr.taxRate(550))).toBe('5,5 %');
  });

  it('names countries given by code in the reader’s language', () => {
    expect(en.country('BE')).toBe('Belgium');
    expect(fr.country('be')).toBe('Belgique');
    expect(fr.country('Belgique')).toBe('Belgique');
  });
});

describe('pdfFonts', () => {
  it('reduces text to WinAnsi for Helvetica, keeping € and no-break spaces', () => {
    const { printable } = pdfFonts('standard');
    expect(printable('1\u202f234,56\u00a0€')).toBe('1\u00a0234,56\u00a0€');
    expect(printable('Łukasz Dvořák — Ştefan Öztürk “ok”')).toBe('Lukasz Dvorák — Stefan Öztürk “ok”');
    expect(printable('東京\nline')).toBe('??\nline');
  });
});
