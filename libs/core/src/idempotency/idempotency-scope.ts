import type { Principal } from '../auth/principal';
import { ProblemException } from '../errors/problem';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

/** Whose key it is and for which endpoint: the same key may be used elsewhere independently. */
export interface IdempotencyScope {
  principal: string;
  method: string;
  path: string;
  key: string;
}

/** The Idempotency-Key header, if sent; 400 unless it is 1–255 printable ASCII characters. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const key = headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY_FORMAT.test(key)) {
    throw ProblemException.badRequest(
      `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 printable ASCII characters.`,
      'invalid-idempotency-key',
    );
  }
  return key;
}

export function idempotencyScope(principal: Principal | undefined, method: string, url: string, key: string) {
  const owner = !principal
    ? 'public'
    : principal.kind === 'user'
      ? `user:${principal.userId}`
      : `api-key:${principal.apiKeyId}`;
  return { principal: owner, method, path: url.split('?')[0], key } satisfies IdempotencyScope;
}
