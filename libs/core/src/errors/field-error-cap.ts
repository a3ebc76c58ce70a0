import type { FieldErrorDto } from './problem';

/**
 * At most this many field errors go into a problem: every error of the largest form sent empty
 * (the application form gives more than 20), never an echo of a huge body.
 */
export const MAX_FIELD_ERRORS = 100;

/**
 * The first MAX_FIELD_ERRORS errors and a detail that says how many there were: a body with one
 * error per element of a 100,000-element array once answered 10 MB of problem for 200 KB.
 */
export function capFieldErrors(errors: FieldErrorDto[]): { errors: FieldErrorDto[]; detail: string } {
  const shown = errors.slice(0, MAX_FIELD_ERRORS);
  const detail = shown.map((e) => `${e.field}: ${e.message}`).join('; ');
  const more = errors.length - shown.length;
  return { errors: shown, detail: more > 0 ? `${detail}; and ${more} more errors` : detail };
}
