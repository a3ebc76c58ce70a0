import { ProblemException } from '@tessera/core';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** Why a new password is refused: a stable code (clients word it in their language) and English. */
export interface PasswordWeakness {
  code: 'passwordTooShort' | 'passwordTooLong' | 'passwordTooCommon' | 'passwordRepetitive' | 'passwordHasEmail';
  message: string;
}

/** Why a new password is refused, or null when it is acceptable (NIST 800-63B style rules). */
export function passwordWeakness(password: string, email?: string): PasswordWeakness | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { code: 'passwordTooShort', message: `must be at least ${MIN_PASSWORD_LENGTH} characters` };
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return { code: 'passwordTooLong', message: `must be at most ${MAX_PASSWORD_LENGTH} characters` };
  }
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) {
    return { code: 'passwordTooCommon', message: 'is too common; choose something less guessable' };
  }
  if (new Set(lower).size <= 2) return { code: 'passwordRepetitive', message: 'is too repetitive' };
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    return { code: 'passwordHasEmail', message: 'must not contain your e-mail address' };
  }
  return null;
}

export function assertStrongPassword(password: string, email?: string, field = 'password'): void {
  const weakness = passwordWeakness(password, email);
  if (weakness) throw ProblemException.validation([{ field, ...weakness }]);
}
