import { normaliseEmail, normaliseRegistrationNumber } from './normalise';

describe('normalisation', () => {
  it('trims and lower-cases e-mail addresses', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.ORG \t')).toBe('ada.lovelace@example.org');
    expect(normaliseEmail('ada@example.org')).toBe('ada@example.org');
  });

  it('keys registration numbers by their upper-case letters and digits only', () => {
    expect(normaliseRegistrationNumber('be 0123.456.789')).toBe('BE0123456789');
    expect(normaliseRegistrationNumber('BE0123456789')).toBe('BE0123456789');
    expect(normaliseRegistrationNumber(' 12/345-b ')).toBe('12345B');
  });

  it('drops letters outside A–Z rather than guessing (é is not E)', () => {
    expect(normaliseRegistrationNumber('société-42')).toBe('SOCIT42');
  });
});
