/** What is needed of Fastify's request and reply (libs/users does not depend on fastify). */
export interface CookieRequest {
  headers: { cookie?: string };
}
export interface CookieReply {
  header(name: string, value: string): unknown;
}

/**
 * The browser's refresh token: HttpOnly (page scripts, and so XSS, never read it), Secure,
 * SameSite=Strict (no other site's page can make the browser send it) and sent only to the
 * refresh endpoint. Browsers treat http://localhost and 127.0.0.1 as secure, so development works.
 */
export const REFRESH_COOKIE = 'tessera_refresh';
/** The one path the cookie is sent to (the API's global prefix is `api/v1`). */
export const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';

const ATTRIBUTES = `Path=${REFRESH_COOKIE_PATH}; HttpOnly; Secure; SameSite=Strict`;

export function readRefreshCookie(request: CookieRequest): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === REFRESH_COOKIE) {
      const value = pair.slice(separator + 1).trim();
      return value.length > 0 ? value : undefined;
    }
  }
  return undefined;
}

/** Lives as long as its session may (the token inside expires with the session anyway). */
export function setRefreshCookie(reply: CookieReply, token: string, sessionExpiresAt: Date, now: Date): void {
  const maxAge = Math.max(0, Math.floor((sessionExpiresAt.getTime() - now.getTime()) / 1000));
  reply.header('set-cookie', `${REFRESH_COOKIE}=${token}; Max-Age=${maxAge}; ${ATTRIBUTES}`);
}

export function clearRefreshCookie(reply: CookieReply): void {
  reply.header('set-cookie', `${REFRESH_COOKIE}=; Max-Age=0; ${ATTRIBUTES}`);
}
