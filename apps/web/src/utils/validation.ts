/**
 * Client-side checks that mirror the server's rules, so most mistakes are caught before a round
 * trip. The server stays the authority: its field errors are shown the same way.
 * A validator returns an error message, or null when the value is fine.
 */
export type Validator<M> = (value: unknown, model: M) => string | null;

export const PASSWORD_MIN_LENGTH = 12;

/** Close to the WHATWG `input[type=email]` rule: something@domain.tld, no spaces. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function required<M>(message = 'This field is required.'): Validator<M> {
  return (value) => {
    if (Array.isArray(value)) return value.length > 0 ? null : message;
    return text(value).trim() ? null : message;
  };
}

export function email<M>(message = 'Enter a valid e-mail address.'): Validator<M> {
  return (value) => {
    const v = text(value).trim();
    return !v || EMAIL_PATTERN.test(v) ? null : message;
  };
}

export function minLength<M>(min: number, message?: string): Validator<M> {
  return (value) => {
    const v = text(value);
    return !v || v.length >= min ? null : (message ?? `Use at least ${min} characters.`);
  };
}

export function maxLength<M>(max: number, message?: string): Validator<M> {
  return (value) => (text(value).length <= max ? null : (message ?? `Use at most ${max} characters.`));
}

export function newPassword<M>(): Validator<M> {
  return minLength<M>(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`);
}

export function matches<M>(other: keyof M & string, message: string): Validator<M> {
  return (value, model) => (text(value) === text(model[other]) ? null : message);
}
