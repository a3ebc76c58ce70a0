import { activeLocale } from '@/i18n/locale';
import { messageText } from '@/i18n/translate';
import { required } from '@/utils/validation';
import { ApiError, errorMessage, fieldErrorMessage, problemMessage } from './problem';

/** The SPA words known problem types, statuses and field rules itself, in the language it speaks. */
describe('problem messages', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  const problem = (type: string, status: number, detail: string) =>
    new ApiError(status, { type: `urn:tessera:problem:${type}`, title: 'Title', status, detail });

  it('words a known problem type in the active language, not with the server’s English detail', () => {
    const error = problem('invalid-credentials', 401, 'The e-mail or password is not correct.');
    activeLocale.value = 'fr';
    expect(messageText(problemMessage(error))).toBe('L’adresse e-mail ou le mot de passe est incorrect.');
    activeLocale.value = 'en';
    expect(errorMessage(error)).toBe('The e-mail or password is not correct.');
  });

  it('falls back to the server’s detail for a problem type it does not know', () => {
    activeLocale.value = 'fr';
    expect(errorMessage(problem('already-assigned', 409, 'Ada is already assigned on this level.'))).toBe(
      'Ada is already assigned on this level.',
    );
  });

  it('says what a missing item, an unreachable server and a busy one mean', () => {
    activeLocale.value = 'fr';
    expect(errorMessage(problem('member-not-found', 404, 'No member has this id.'))).toBe('Cet élément n’existe plus.');
    expect(errorMessage(new ApiError(0, null))).toMatch(/^Impossible de joindre le serveur/);
    expect(errorMessage(new ApiError(429, null, 1))).toBe('Trop de tentatives, réessayez dans 1 seconde.');
    expect(errorMessage(problem('rate-limited', 429, 'Too many attempts. Try again in 30 seconds.'))).toBe(
      'Trop de tentatives. Patientez un instant avant de réessayer.',
    );
    expect(errorMessage(new Error('boom'))).toBe('Une erreur s’est produite. Veuillez réessayer.');
  });

  it('words field errors by their rule code, else keeps the server’s message', () => {
    activeLocale.value = 'fr';
    expect(messageText(fieldErrorMessage({ field: 'email', code: 'isEmail', message: 'must be an email' }))).toBe(
      'Saisissez une adresse e-mail valide.',
    );
    expect(messageText(fieldErrorMessage({ field: 'lines', message: 'must all be priced in one currency' }))).toBe(
      'must all be priced in one currency',
    );
    expect(messageText(fieldErrorMessage({ field: 'x', code: 'somethingNew', message: 'is odd' }))).toBe('is odd');
  });

  it('translates a validator’s message when it is shown, so a language switch rewords it', () => {
    const message = required()('', {})!;
    expect(messageText(message)).toBe('This field is required.');
    activeLocale.value = 'fr';
    expect(messageText(message)).toBe('Ce champ est obligatoire.');
  });
});
