import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/api/client';
import { ApiError, unwrap } from '@/api/problem';
import type { AuthSession, AuthUser, Role } from '@/api/types';
import { NoAccessError } from './no-access-error';
import { i18n, setLocale } from '@/i18n';

/**
 * The signed-in session.
 *
 * - The access token lives in memory only (never persisted, so XSS-stolen storage cannot replay it).
 * - The refresh token lives in localStorage so a reload or a new tab can restore the session by
 *   calling /auth/refresh. The server rotates it on every refresh and revokes the whole family when
 *   an old one is reused, so it is always read fresh from storage, and refreshes are serialised
 *   across tabs with the Web Locks API: two tabs never spend the same token.
 */
export const REFRESH_TOKEN_KEY = 'tessera.refreshToken';
export const STAFF_ROLES: readonly Role[] = ['admin', 'officer', 'approver', 'finance'];

const ROLES: readonly Role[] = ['admin', 'officer', 'approver', 'finance', 'member'];

/** Each role's name in the SPA's language (read where shown, so it follows a language switch). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.defineProperties(
  {} as Record<Role, string>,
  Object.fromEntries(ROLES.map((role) => [role, { enumerable: true, get: () => i18n.global.t(`auth.roles.${role}`) }])),
);

function readRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(REFRESH_TOKEN_KEY, token);
    else window.localStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // Storage disabled (private mode): the session simply won't survive a reload.
  }
}

/** Runs `task` holding a cross-tab lock when the browser supports it. */
function withTabLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request(name, () => task()) as Promise<T>) : task();
}

export { NoAccessError } from './no-access-error';

export const useAuthStore = defineStore('auth', () => {
  const accessToken = ref<string | null>(null);
  const user = ref<AuthUser | null>(null);
  /** When the access token expires (epoch ms); informational. */
  const expiresAt = ref<number | null>(null);

  let restoring: Promise<void> | null = null;
  let refreshing: Promise<boolean> | null = null;

  const isAuthenticated = computed(() => accessToken.value !== null && user.value !== null);
  const roles = computed<Role[]>(() => user.value?.roles ?? []);
  const isStaff = computed(() => roles.value.some((role) => STAFF_ROLES.includes(role)));
  const isMember = computed(() => roles.value.includes('member'));
  /** Where this user lands: the back office for staff, the portal for members. */
  const homePath = computed(() => (isStaff.value ? '/office' : isMember.value ? '/portal' : '/sign-in'));

  function hasRole(...wanted: Role[]): boolean {
    return wanted.some((role) => roles.value.includes(role));
  }

  function hasAnyAccess(candidate: AuthUser): boolean {
    return candidate.roles.length > 0;
  }

  function applySession(session: AuthSession): void {
    accessToken.value = session.accessToken;
    user.value = session.user;
    // A signed-in person reads the SPA in their account's language.
    setLocale(session.user.locale);
    expiresAt.value = Date.now() + session.expiresIn * 1000;
    writeRefreshToken(session.refreshToken);
  }

  /** Forgets the session locally. `keepStorage` when another tab already cleared it. */
  function clearSession(options: { keepStorage?: boolean } = {}): void {
    accessToken.value = null;
    user.value = null;
    expiresAt.value = null;
    if (!options.keepStorage) writeRefreshToken(null);
  }

  function acceptSession(session: AuthSession): void {
    if (!hasAnyAccess(session.user)) {
      clearSession();
      throw new NoAccessError();
    }
    applySession(session);
  }

  async function login(email: string, password: string): Promise<AuthUser> {
    const session = await unwrap(api.POST('/api/v1/auth/login', { body: { email, password } }));
    acceptSession(session);
    return session.user;
  }

  /** Sets the password of an invited account; the API signs the user in. */
  async function activate(token: string, password: string): Promise<AuthUser> {
    const session = await unwrap(api.POST('/api/v1/auth/activate', { body: { token, password } }));
    acceptSession(session);
    return session.user;
  }

  /**
   * Exchanges the stored refresh token for a new session. Single-flight: concurrent callers share
   * one call. Resolves to false when there is no session to restore or the server refused it
   * (then the stored token is dropped); keeps the token when the server could not be reached.
   */
  function refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = withTabLock('tessera.auth.refresh', async () => {
        const refreshToken = readRefreshToken();
        if (!refreshToken) {
          clearSession({ keepStorage: true });
          return false;
        }
        try {
          const session = await unwrap(api.POST('/api/v1/auth/refresh', { body: { refreshToken } }));
          if (!hasAnyAccess(session.user)) {
            clearSession();
            return false;
          }
          applySession(session);
          return true;
        } catch (error) {
          const rejected = error instanceof ApiError && error.status >= 400 && error.status < 500;
          clearSession({ keepStorage: !rejected });
          return false;
        }
      }).finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  /** Restores the session once at start-up (awaited by the router before the first page). */
  function restore(): Promise<void> {
    if (!restoring) {
      restoring = readRefreshToken() ? refresh().then(() => undefined) : Promise.resolve();
    }
    return restoring;
  }

  async function logout(): Promise<void> {
    const refreshToken = readRefreshToken();
    try {
      if (refreshToken) await api.POST('/api/v1/auth/logout', { body: { refreshToken } });
    } catch {
      // Signing out locally is what matters; the token expires on its own.
    } finally {
      clearSession();
    }
  }

  /** Follows sign-outs made in other tabs. Returns a function that stops listening. */
  function followOtherTabs(onSignedOut: () => void): () => void {
    const listener = (event: StorageEvent) => {
      if (event.key !== REFRESH_TOKEN_KEY && event.key !== null) return;
      if (!event.newValue && isAuthenticated.value) {
        clearSession({ keepStorage: true });
        onSignedOut();
      }
    };
    window.addEventListener('storage', listener);
    return () => window.removeEventListener('storage', listener);
  }

  return {
    accessToken,
    user,
    expiresAt,
    isAuthenticated,
    roles,
    isStaff,
    isMember,
    homePath,
    hasRole,
    login,
    activate,
    refresh,
    restore,
    logout,
    clearSession,
    followOtherTabs,
  };
});
