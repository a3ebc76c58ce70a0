import { keyed, type Message } from '@/i18n/translate';

/**
 * Client-side checks that mirror the server's rules, so most mistakes are caught before a round
 * trip. The server stays the authority: its field errors are shown the same way.
 * A validator returns an error message, or null when the value is fine. Messages are text or a
 * key (`keyed('auth.passwordsDiffer')`), translated when shown so they follow a language switch.
 * `path` is the field's dotted path, for rules that read the field's neighbours ("sections.0.questions.2.max").
 */
export type Validator<M> = (value: unknown, model: M, path?: string) => Message | null;

export const PASSWORD_MIN_LENGTH = 12;

/** Close to the WHATWG `input[type=email]` rule: something@domain.tld, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function required<M>(message: Message = keyed('validation.required')): Validator<M> {
  return (value) => {
    if (Array.isArray(value)) return value.length > 0 ? null : message;
    if (typeof value === 'number') return Number.isNaN(value) ? message : null;
    return text(value).trim() ? null : message;
  };
}

export function email<M>(message: Message = keyed('validation.email')): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    return !v || EMAIL_PATTERN.test(v) ? null : message;
  };
}

export function minLength<M>(min: number, message: Message = keyed('validation.minLength', { min })): Validator<M> {
  return (value) => {
    const v = text(value);
    return !v || v.length >= min ? null : message;
  };
}

export function maxLength<M>(max: number, message: Message = keyed('validation.maxLength', { max })): Validator<M> {
  return (value) => (text(value).length <= max ? null : message);
}

export function newPassword<M>(): Validator<M> {
  return minLength<M>(PASSWORD_MIN_LENGTH);
}

export function matches<M>(other: keyof M & string, message: Message): Validator<M> {
  return (value, model) => (text(value) === text(model[other]) ? null : message);
}

/** Runs `validators` only when `condition(model)` holds (e.g. person fields for individuals). */
export function when<M>(condition: (model: M) => boolean, ...validators: Validator<M>[]): Validator<M> {
  return (value, model, path) => {
    if (!condition(model)) return null;
    for (const validate of validators) {
      const error = validate(value, model, path);
      if (error) return error;
    }
    return null;
  };
}

/** A checkbox that must be ticked. */
export function checked<M>(message: Message): Validator<M> {
  return (value) => (value === true ? null : message);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD, as UTC midnight; null when it is not one. */
function calendarDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? date : null;
}

/** Whole years between a birth date and today. */
function ageOn(birth: Date, today = new Date()): number {
  let age = today.getUTCFullYear() - birth.getUTCFullYear();
  const birthdayPassed =
    today.getUTCMonth() > birth.getUTCMonth() ||
    (today.getUTCMonth() === birth.getUTCMonth() && today.getUTCDate() >= birth.getUTCDate());
  if (!birthdayPassed) age -= 1;
  return age;
}

/** A date of birth (YYYY-MM-DD) of someone aged `minAge` to `maxAge`. */
export function birthDate<M>(minAge: number, maxAge: number): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    if (!v) return null;
    const date = calendarDate(v);
    if (!date) return keyed('validation.date');
    if (date.getTime() > Date.now()) return keyed('validation.pastDate');
    const age = ageOn(date);
    if (age < minAge) return keyed('validation.minAge', { min: minAge });
    return age > maxAge ? keyed('validation.checkYear') : null;
  };
}

/** Matches `regex` (empty passes: combine with `required`). */
export function pattern<M>(regex: RegExp, message: Message): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    return !v || regex.test(v) ? null : message;
  };
}

/** A phone number in international format (+ and the country code), as the server requires. */
export function phone<M>(message: Message = keyed('validation.phone')): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    if (!v) return null;
    const digits = v.replace(/\D/g, '').length;
    return /^\+[\d\s().-]+$/.test(v) && digits >= 7 && digits <= 15 && v.length <= 30 ? null : message;
  };
}

/** An http(s) address; "example.org" is accepted (https:// is added when sending). */
export function webAddress<M>(message: Message = keyed('validation.webAddress')): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    if (!v) return null;
    try {
      const url = new URL(/^https?:\/\//i.test(v) ? v : `https://${v}`);
      return url.hostname.includes('.') && !/\s/.test(v) ? null : message;
    } catch {
      return message;
    }
  };
}

/** A whole number in [min, max]; empty (null) passes. */
export function integerBetween<M>(
  min: number,
  max: number,
  message: Message = keyed('validation.integerBetween', { min, max }),
): Validator<M> {
  return (value) => {
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? null : message;
  };
}

/** A list with at most `max` items. */
export function maxItems<M>(max: number, message: Message): Validator<M> {
  return (value) => (Array.isArray(value) && value.length > max ? message : null);
}
