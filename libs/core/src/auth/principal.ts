export const ROLES = ['admin', 'officer', 'approver', 'finance', 'member'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES: readonly Role[] = ['admin', 'officer', 'approver', 'finance'];

export const API_KEY_SCOPES = [
  'applications:write',
  'orders:write',
  'members:read',
  'invoices:read',
  'subscriptions:read',
  'questionnaires:read',
  'questionnaires:write',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Who is calling: a signed-in person (with a session) or an integrator's API key. */
export type Principal =
  | { kind: 'user'; userId: string; sessionId: string; roles: Role[] }
  | { kind: 'api-key'; apiKeyId: string; scopes: ApiKeyScope[] };

/** Claims of the short-lived access JWT. */
export interface AccessTokenClaims {
  sub: string;
  sid: string;
  roles: Role[];
}

/**
 * Turns credentials into a principal, checking they are still good (session not revoked, key not
 * revoked, user active). Implemented by the users domain; core only knows the interface.
 */
export abstract class PrincipalResolver {
  abstract fromAccessClaims(claims: AccessTokenClaims): Promise<Principal | null>;
  abstract fromApiKey(key: string): Promise<Principal | null>;
}

export function isStaff(principal: Principal): boolean {
  return principal.kind === 'user' && principal.roles.some((role) => STAFF_ROLES.includes(role));
}

/** The user id of a person principal; endpoints reachable by API keys must not call this. */
export function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new Error('Expected a signed-in person, got an API key');
  return principal.userId;
}
