import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import {
  jsonDepth,
  MAX_JSON_DEPTH,
  nullFieldErrors,
  textFieldErrors,
  toFieldErrors,
  type FieldErrorDto,
} from '@tessera/core';
import { ApplicationInputDto } from './dto/application-input.dto';

export const MIN_AGE = 16;
export const MAX_AGE = 120;

/** The `application` part's text as JSON, or the field error saying why it is not. */
export function readApplicationJson(
  raw: string | undefined,
): { document: unknown; errors: [] } | { document: undefined; errors: FieldErrorDto[] } {
  if (raw === undefined || raw.trim() === '') return { document: undefined, errors: [] };
  let document: unknown;
  try {
    document = JSON.parse(raw);
  } catch {
    // Not the parser's message: it quotes the input, and a deep enough document overflows the stack.
    return { document: undefined, ...fail('application', 'is not valid JSON') };
  }
  if (jsonDepth(document, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return {
      document: undefined,
      ...fail('application', `must not be nested more than ${MAX_JSON_DEPTH} levels deep`),
    };
  return { document, errors: [] };
}

/**
 * Checks the application document (the `application` part, or a JSON body): every rule of
 * ApplicationInputDto, then the rules that need today's date. Returns the validated input, or the
 * field errors (prefixed `application.`).
 */
export function parseApplicationInput(
  document: unknown,
  today: Date,
): { input: ApplicationInputDto; errors: [] } | { input: null; errors: FieldErrorDto[] } {
  if (document === undefined) return fail('application', 'is required: a JSON document describing the application');
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    return fail('application', 'must be a JSON object');

  // The rules the validation pipe applies to every other body (this one is not a @Body()).
  const textErrors = textFieldErrors(document, 'application');
  if (textErrors.length > 0) return { input: null, errors: textErrors };
  const input = plainToInstance(ApplicationInputDto, document);
  const errors = toFieldErrors(validateSync(input, { whitelist: true, forbidNonWhitelisted: true }), 'application');
  if (errors.length === 0) errors.push(...nullFieldErrors(input, 'application'));
  const birthDateField = 'application.person.birthDate';
  if (input.person && typeof input.person.birthDate === 'string' && !errors.some((e) => e.field === birthDateField)) {
    const problem = birthDateProblem(input.person.birthDate, today);
    if (problem) errors.push({ field: birthDateField, message: problem });
  }
  return errors.length > 0 ? { input: null, errors } : { input, errors: [] };
}

/** Why this birth date is refused on `today` (UTC), or null. */
export function birthDateProblem(birthDate: string, today: Date): string | null {
  const [year, month, day] = birthDate.split('-').map(Number);
  const todayKey = today.toISOString().slice(0, 10);
  if (birthDate >= todayKey) return 'must be in the past';
  let age = today.getUTCFullYear() - year;
  const beforeBirthday =
    today.getUTCMonth() + 1 < month || (today.getUTCMonth() + 1 === month && today.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  if (age < MIN_AGE) return `the applicant must be at least ${MIN_AGE} years old`;
  if (age > MAX_AGE) return `the applicant must be at most ${MAX_AGE} years old`;
  return null;
}

function fail(field: string, message: string): { input: null; errors: FieldErrorDto[] } {
  return { input: null, errors: [{ field, message }] };
}
