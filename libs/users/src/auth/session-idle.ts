import { type AppConfig, type Role, STAFF_ROLES } from '@tessera/core';
import { MINUTE_MS } from './auth.constants';

/**
 * How long a session may go without a refresh before it ends: shorter for staff (any staff role,
 * even alongside `member`) than for members. Activity is a refresh — a sign-in, a page load, or
 * an API call after the 15-minute access token ran out — so the refresh token's age is the
 * session's idle time and no request has to write anything.
 */
export function sessionIdleTimeoutMs(roles: readonly Role[], config: AppConfig): number {
  const staff = roles.some((role) => STAFF_ROLES.includes(role));
  return (staff ? config.SESSION_IDLE_MINUTES_STAFF : config.SESSION_IDLE_MINUTES_MEMBER) * MINUTE_MS;
}
