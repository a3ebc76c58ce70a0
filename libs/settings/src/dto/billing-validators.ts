import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';
import { UpperCase } from '@tessera/core';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

// Rules for the organisation's billing settings. Messages name what is wrong in words an admin
// can act on; the field name is added by the problem's `errors[].field`.

/** Zones an organisation may pick: the IANA names this runtime knows, and UTC. */
export const TIME_ZONES: ReadonlySet<string> = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
/** ISO 4217 codes this runtime can format. */
export const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const LOCAL_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const rule = (name: string, test: (value: string) => boolean, message: string) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && test(value),
      defaultMessage: () => message,
    },
  });

/** An IBAN as people type it (spaces, lower case) in electronic format: compact, in capitals. */
export const compactIban = (value: string): string => electronicFormatIBAN(value.trim()) ?? value;

/**
 * An IBAN as people type it is stored in electronic format (`compactIban`); valid by its
 * country's length and structure and its check digits.
 */
export const Iban = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? compactIban(value) : value)),
    rule(
      'isIban',
      (value) => isValidIBAN(value),
      'is not a valid IBAN: check the country code, the length and the two check digits (e.g. BE71 0961 2345 6769)',
    ),
  );

/** A BIC (SWIFT code) of 8 or 11 characters, stored in upper case. */
export const Bic = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : value,
    ),
    rule(
      'isBic',
      (value) => isValidBIC(value),
      'is not a valid BIC: 8 or 11 letters and digits, with a real country code (e.g. GKCCBEBB)',
    ),
  );

export const TimeZone = () =>
  rule('isTimeZone', (value) => TIME_ZONES.has(value), 'must be an IANA time zone such as Europe/Brussels, or UTC');

/** Upper-cased, then one of the ISO 4217 codes. */
export const CurrencyCode = () =>
  applyDecorators(
    UpperCase(),
    rule('isCurrency', (value) => CURRENCIES.has(value), 'must be an ISO 4217 currency code such as EUR'),
  );

/** 'HH:MM' on a 24-hour clock. */
export const LocalTime = () =>
  rule('isLocalTime', (value) => LOCAL_TIME.test(value), 'must be a time of day as HH:MM (24-hour clock)');

/** Multi-line text: line breaks as \n, surrounding blank space dropped. */
export const MultiLine = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value,
  );
