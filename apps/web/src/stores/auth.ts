import { computed, ref } from 'vue';
import { defineStore } from 'pinia';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import type { AuthSession, AuthUser, Role } from '@/api/types';
import { NoAccessError } from './no-access-error';
import { i18n, setLocale } from '@/i18n';

/**
 * The signed-in session.
 *
 * - The access token lives in memory only.
 * - The refresh token is an HttpOnly cookie that only POST /auth/refresh receives: no script of
 *   the page (nor an injected one) can read it. A reload or a new tab restores the session by
 *   calling refresh. The server rotates the cookie on every refresh and ends the session when an
 *   old one is reused, so refreshes are serialised across tabs with the Web Locks API.
 * - Sign-outs reach the other tabs through a BroadcastChannel.
 */
/** Where earlier versions kept the refresh token; removed (and its session ended) at start-up. */
const LEGACY_REFRESH_TOKEN_KEY = 'tessera.refreshToken';
const SIGN_OUT_CHANNEL = 'tessera.auth';
export const STAFF_ROLES: readonly Role[] = ['admin', 'officer', 'approver', 'finance'];

const ROLES: readonly Role[] = ['admin', 'officer', 'approver', 'finance', 'member'];

/** Each role's name in the SPA's language (read where shown, so it follows a language switch). */
export const ROLE_LABELS: Readonly<Record<Role, string>> = Object.defineProperties(
  {} as Record<Role, string>,
  Object.fromEntries(ROLES.map((role) => [role, { enumerable: true, get: () => i18n.global.t(`auth.roles.${role}`) }])),
);

/** Takes the refresh token an earlier version left in localStorage, if any. */
function takeLegacyRefreshToken(): string | null {
  try {
    const token = window.localStorage.getItem(LEGACY_REFRESH_TOKEN_KEY);
    window.localStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
    return token;
  } catch {
    return null;
  }
}

function signOutChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SIGN_OUT_CHANNEL);
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
  const channel = signOutChannel();

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
  }

  /** Forgets the session in this tab (the cookie is the server's to clear). */
  function clearSession(): void {
    accessToken.value = null;
    user.value = null;
    expiresAt.value = null;
  }

  function acceptSession(session: AuthSession): void {
    if (!hasAnyAccess(session.user)) {
      clearSession();
      throw new NoAccessError();
    }
    applySession(session);
  }

  /** `altcha`: a solved captcha, which the API asks for after several failed sign-ins to an account. */
  async function login(email: string, password: string, altcha?: string): Promise<AuthUser> {
    const session = await unwrap(
      api.POST('/api/v1/auth/login', { body: { email, password, altcha, refreshTokenTransport: 'cookie' } }),
    );
    acceptSession(session);
    return session.user;
  }

  /** Sets the password of an invited account; the API signs the user in. */
  async function activate(token: string, password: string): Promise<AuthUser> {
    const session = await unwrap(
      api.POST('/api/v1/auth/activate', { body: { token, password, refreshTokenTransport: 'cookie' } }),
    );
    acceptSession(session);
    return session.user;
  }

  /**
   * Exchanges the refresh cookie for a new session. Single-flight: concurrent callers share one
   * call. Resolves to false when there is no session to restore, the server refused it or could
   * not be reached.
   */
  function refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = withTabLock('tessera.auth.refresh', async () => {
        try {
          const session = await unwrap(api.POST('/api/v1/auth/refresh', { body: {} }));
          if (!hasAnyAccess(session.user)) {
            clearSession();
            return false;
          }
          applySession(session);
          return true;
        } catch {
          clearSession();
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
      restoring = (async () => {
        const legacy = takeLegacyRefreshToken();
        // An earlier version's token would stay usable for 30 days: end its session.
        if (legacy) await api.POST('/api/v1/auth/logout', { body: { refreshToken: legacy } }).catch(() => undefined);
        await refresh();
      })();
    }
    return restoring;
  }

  /** Ends a session on the server (`everywhere`: every session of the user), then here and in other tabs. */
  async function endSession(everywhere: boolean): Promise<void> {
    try {
      await unwrap(api.POST(everywhere ? '/api/v1/auth/logout-everywhere' : '/api/v1/auth/logout', {}));
    } finally {
      clearSession();
      channel?.postMessage('signed-out');
    }
  }

  async function logout(): Promise<void> {
    // Signing out locally is what matters when the server cannot be reached.
    await endSession(false).catch(() => undefined);
  }

  /** "Sign out everywhere": the failure is the caller's to show, since other devices stay signed in. */
  function logoutEverywhere(): Promise<void> {
    return endSession(true);
  }

  /** Follows sign-outs made in other tabs. Returns a function that stops listening. */
  function followOtherTabs(onSignedOut: () => void): () => void {
    const listener = () => {
      if (!isAuthenticated.value) return;
      clearSession();
      onSignedOut();
    };
    channel?.addEventListener('message', listener);
    return () => channel?.removeEventListener('message', listener);
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
    logoutEverywhere,
    clearSession,
    followOtherTabs,
  };
});
