import createClient from 'openapi-fetch';
import type { paths } from './types';

/**
 * The one request client of the SPA (typed by the OpenAPI `paths`).
 *
 * Every request carries `Authorization: Bearer <access token>` when signed in. On a 401 it
 * refreshes the session once and retries the request once; concurrent 401s share one refresh
 * (the auth store's `refresh()` is single-flight). When the refresh fails the session has ended:
 * `onSessionExpired` signs out and sends the user to the sign-in page.
 *
 * The auth store plugs itself in with `configureAuth()` (see main.ts), which keeps this module
 * free of any import of the store or the router.
 */
export interface AuthHooks {
  getAccessToken(): string | null;
  /** Refreshes the session; resolves to false when it could not. Must be single-flight. */
  refresh(): Promise<boolean>;
  onSessionExpired(): void;
}

/**
 * Same origin: the SPA is served next to the API (vite's proxy in development, nginx in
 * production). OpenAPI paths carry the `/api/v1` prefix, as Nest's document does.
 */
export const API_BASE_URL = '';

let hooks: AuthHooks | null = null;

export function configureAuth(authHooks: AuthHooks): void {
  hooks = authHooks;
}

/**
 * Endpoints whose 401 means "wrong credentials/token", never "access token expired". Not logout:
 * it ends the session of the access token, so an expired one is refreshed first like anywhere else.
 */
const SESSION_ENDPOINTS = /\/auth\/(login|refresh|activate|forgot-password|reset-password)$/;

function isSessionEndpoint(request: Request): boolean {
  return SESSION_ENDPOINTS.test(new URL(request.url, window.location.origin).pathname);
}

function withToken(request: Request, token: string | null): Request {
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  else request.headers.delete('Authorization');
  return request;
}

async function authFetch(request: Request): Promise<Response> {
  const token = hooks?.getAccessToken() ?? null;
  // Keep an unread copy: a request body can only be sent once.
  const retry = request.clone();
  const response = await fetch(withToken(request, token));

  if (response.status !== 401 || !hooks || isSessionEndpoint(request)) return response;

  // Another request may have refreshed the session while this one was in flight:
  // then retry with the new token instead of refreshing a second time.
  const current = hooks.getAccessToken();
  const refreshed = current !== null && current !== token ? true : await hooks.refresh();
  if (!refreshed) {
    hooks.onSessionExpired();
    return response;
  }

  const second = await fetch(withToken(retry, hooks.getAccessToken()));
  if (second.status === 401) hooks.onSessionExpired();
  return second;
}

/**
 * The same session handling for requests that cannot go through `api` (an XMLHttpRequest upload,
 * for its progress events): the current token, and one shared refresh after a 401.
 */
export const session = {
  accessToken(): string | null {
    return hooks?.getAccessToken() ?? null;
  },
  /** After a 401 sent with `sentToken`: true when a retry may succeed with a fresher token. */
  async recover(sentToken: string | null): Promise<boolean> {
    if (!hooks) return false;
    const current = hooks.getAccessToken();
    if (current !== null && current !== sentToken) return true;
    if (sentToken === null) return false;
    const refreshed = await hooks.refresh();
    if (!refreshed) hooks.onSessionExpired();
    return refreshed;
  },
  expired(): void {
    hooks?.onSessionExpired();
  },
};

export const api = createClient<paths>({
  baseUrl: API_BASE_URL,
  fetch: authFetch,
  headers: { Accept: 'application/json, application/problem+json' },
});
