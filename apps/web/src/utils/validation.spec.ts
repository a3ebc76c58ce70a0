import { activeLocale } from '@/i18n/locale';
import { messageText, type Message } from '@/i18n/translate';
import {
  birthDate,
  checked,
  email,
  integerBetween,
  matches,
  maxItems,
  maxLength,
  minLength,
  phone,
  required,
  webAddress,
  when,
  type Validator,
} from './validation';

type Model = { password: string; repeat: string; kind: 'individual' | 'organisation' };
const model: Model = { password: 'correct horse', repeat: 'correct horse', kind: 'individual' };
const check = (validator: Validator<Model>, value: unknown, on: Model = model): string | null => {
  const message: Message | null = validator(value, on);
  return message === null ? null : messageText(message);
};

describe('form validators (the client mirror of the server rules)', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  it('required: blank text, empty lists and NaN fail; anything else passes', () => {
    for (const blank of ['', '   ', [], Number.NaN, null, undefined]) expect(check(required(), blank)).not.toBeNull();
    for (const filled of ['a', [1], 0]) expect(check(required(), filled)).toBeNull();
  });

  it('speaks the active language, so messages shown again follow a switch', () => {
    expect(check(required(), '')).toBe('This field is required.');
    activeLocale.value = 'fr';
    expect(check(required(), '')).toMatch(/^Ce champ est obligatoire/);
  });

  it('email: something@domain.tld, no spaces; empty is left to required', () => {
    expect(check(email(), '')).toBeNull();
    expect(check(email(), ' ada@example.org ')).toBeNull();
    for (const bad of ['ada', 'ada@example', 'a da@example.org', 'ada@@example.org'])
      expect(check(email(), bad)).not.toBeNull();
  });

  it('lengths count characters; minLength leaves empty to required', () => {
    expect(check(minLength(3), '')).toBeNull();
    expect(check(minLength(3), 'ab')).toContain('3');
    expect(check(maxLength(3), 'abcd')).toContain('3');
    expect(check(maxLength(3), 'abc')).toBeNull();
  });

  it('matches compares with another field of the model', () => {
    expect(check(matches('password', 'Passwords differ'), 'correct horse')).toBeNull();
    expect(check(matches('password', 'Passwords differ'), 'other')).toBe('Passwords differ');
  });

  it('when runs its validators only while the condition holds', () => {
    const forOrganisations = when<Model>((m) => m.kind === 'organisation', required());
    expect(check(forOrganisations, '')).toBeNull();
    expect(check(forOrganisations, '', { ...model, kind: 'organisation' })).not.toBeNull();
  });

  it('checked wants a ticked box', () => {
    expect(check(checked('Tick it'), true)).toBeNull();
    expect(check(checked('Tick it'), false)).toBe('Tick it');
  });

  it('birthDate refuses impossible, future, too young and implausibly old dates', () => {
    const year = new Date().getUTCFullYear();
    expect(check(birthDate(16, 120), '')).toBeNull();
    expect(check(birthDate(16, 120), '1990-02-30')).not.toBeNull();
    expect(check(birthDate(16, 120), `${year + 1}-01-01`)).not.toBeNull();
    expect(check(birthDate(16, 120), `${year - 10}-01-01`)).toContain('16');
    expect(check(birthDate(16, 120), '1850-01-01')).not.toBeNull();
    expect(check(birthDate(16, 120), '2000-02-29')).toBeNull();
  });

  it('phone wants international format with 7 to 15 digits', () => {
    expect(check(phone(), '+32 470 12 34 56')).toBeNull();
    for (const bad of ['0470 12 34 56', '+32', '+32 470 12 34 56 78 90 12 34'])
      expect(check(phone(), bad)).not.toBeNull();
  });

  it('webAddress takes http(s) addresses, and a bare domain', () => {
    for (const good of ['https://example.org', 'example.org/terms', 'http://example.org'])
      expect(check(webAddress(), good)).toBeNull();
    for (const bad of ['example', 'https://exa mple.org']) expect(check(webAddress(), bad)).not.toBeNull();
  });

  it('integerBetween and maxItems bound numbers and lists', () => {
    expect(check(integerBetween(0, 10), null)).toBeNull();
    expect(check(integerBetween(0, 10), 10)).toBeNull();
    expect(check(integerBetween(0, 10), 11)).not.toBeNull();
    expect(check(integerBetween(0, 10), 2.5)).not.toBeNull();
    expect(check(maxItems(2, 'Too many'), [1, 2, 3])).toBe('Too many');
    expect(check(maxItems(2, 'Too many'), [1, 2])).toBeNull();
  });
});
