import type { AccountState } from '@tessera/users';

/** How a portal account came to be: the approval of an application, a confirmed order, or staff. */
export const ACCOUNT_ORIGINS = ['application', 'order', 'staff'] as const;
export type AccountOrigin = (typeof ACCOUNT_ORIGINS)[number];

/** The console's view of a member's account: `none` until one exists. */
export const PORTAL_ACCOUNT_STATES = ['none', 'invited', 'active', 'disabled'] as const;
export type PortalAccountState = 'none' | AccountState;

export interface AccountRequest {
  email: string;
  /** The person it belongs to, when known (an approval's contact); an order may come first. */
  personId?: string | null;
  name: string;
  locale: 'en' | 'fr';
  origin: AccountOrigin;
  /** What caused it, for staff: an application or order reference. */
  sourceReference: string | null;
  /**
   * Made without the person asking for it (an order confirmation, an application sent through
   * the API, staff bulk creation): staff see the "auto-registered" alert until they acknowledge
   * it. Someone who applied themselves, or whose paper application staff typed in, did ask.
   */
  autoRegistered: boolean;
}

export interface EnsuredAccount {
  userId: string;
  /** True only for the call that created the account (never twice for one e-mail). */
  created: boolean;
  state: AccountState;
}
