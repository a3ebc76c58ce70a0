import { createHash, randomBytes } from 'node:crypto';

/**
 * Opaque high-entropy secrets (refresh, reset, activation tokens, API keys). 32 random bytes
 * need no slow hash: SHA-256 at rest is enough, and lets us look the token up by its hash.
 */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
