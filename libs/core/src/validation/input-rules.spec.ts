import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, validateSync } from 'class-validator';
import { PageQueryDto } from '../pagination/page';
import { toFieldErrors } from '../errors/validation';
import { EmailAddress, isEmailAddress } from './email-address';
import { Nested, OptionalNullable } from './field-decorators';
import { nullFieldErrors } from './nullability';
import { textFieldErrors, textProblem } from './text-rule';

describe('the text rule', () => {
  it('refuses C0/C1 control characters and lone surrogates, keeps tab and line breaks', () => {
    for (const bad of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', 'a\ud800', '\udc00b'])
      expect(textProblem(bad)).not.toBeNull();
    for (const good of ['plain', 'tab\there', 'lines\r\nand\nmore', 'Zoë 😀 日本'])
      expect(textProblem(good)).toBeNull();
  });

  it('names every offending string by its dotted path', () => {
    expect(textFieldErrors({ name: 'ok', customer: { name: 'a\u0000' }, lines: ['x', 'y\u0001'] })).toEqual([
      { field: 'customer.name', message: expect.stringContaining('control characters') },
      { field: 'lines.1', message: expect.stringContaining('control characters') },
    ]);
    expect(textFieldErrors('a\ud800', 'id')).toEqual([{ field: 'id', message: 'must be valid Unicode text' }]);
  });
});

describe('nullability', () => {
  class Inner {
    @IsOptional()
    @IsString()
    note?: string;
  }
  class Outer {
    @IsOptional()
    @IsIn(['en', 'fr'])
    locale?: string;
    @OptionalNullable()
    @IsString()
    phone?: string | null;
    @Nested(() => Inner)
    inner: Inner;
  }

  it('refuses null where the DTO does not declare it nullable, nested DTOs included', () => {
    const dto = plainToInstance(Outer, { locale: null, phone: null, inner: { note: null } });
    expect(validateSync(dto)).toEqual([]);
    expect(nullFieldErrors(dto)).toEqual(
      expect.arrayContaining([
        { field: 'locale', message: 'must not be null' },
        { field: 'inner.note', message: 'must not be null' },
      ]),
    );
    expect(nullFieldErrors(dto)).toHaveLength(2);
  });

  it('Nested refuses a missing or non-object value', () => {
    for (const inner of [undefined, 'x', 3])
      expect(toFieldErrors(validateSync(plainToInstance(Outer, { inner })))).toContainEqual({
        field: 'inner',
        code: 'isObject',
        message: 'must be an object',
      });
  });
});

describe('the e-mail rule', () => {
  class Contact {
    @EmailAddress()
    email: string;
  }

  it('accepts what the mailer can send', () => {
    for (const good of ['ada@example.org', "o'brien+tag@sub.example.co.uk", 'a.b-c_d@x.test'])
      expect(isEmailAddress(good)).toBe(true);
  });

  it('refuses quoted, non-ASCII, IP-literal and dot-less addresses, and never throws', () => {
    for (const bad of [
      '"a b"@example.test',
      '"ab"@example.test',
      'zoë@example.test',
      'a@[127.0.0.1]',
      'a@localhost',
      'a\ud800@x.test',
      'a\u0000@x.test',
      `${'a'.repeat(65)}@x.test`,
      'a..b@x.test',
      'Ada <ada@example.org>',
    ])
      expect(isEmailAddress(bad)).toBe(false);
    expect(toFieldErrors(validateSync(plainToInstance(Contact, { email: 'a\ud800@x.test' })))).toEqual([
      { field: 'email', code: 'isEmailAddress', message: 'must be an e-mail address' },
    ]);
  });
});

describe('page numbers', () => {
  const errorsOf = (query: Record<string, string>) => [
    ...new Set(toFieldErrors(validateSync(plainToInstance(PageQueryDto, query))).map((error) => error.field)),
  ];

  it('takes decimal integers within bounds only', () => {
    expect(errorsOf({ page: '3', pageSize: '50' })).toEqual([]);
    for (const page of ['1e308', '99999999999999999999', '1.5', '0x10', '-1', '0', '', '1000001'])
      expect(errorsOf({ page })).toEqual(['page']);
    expect(errorsOf({ pageSize: '1e2' })).toEqual(['pageSize']);
  });
});
