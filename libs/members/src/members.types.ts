import type { PostalAddress } from '@tessera/core';
import type { Locale } from '@tessera/notifications';
import type { MemberStatus } from './member-status';

/** Shared vocabulary of the members domain. */
export const MEMBER_KINDS = ['person', 'organisation'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** What made someone a member: an approved application, a confirmed order, or staff. */
export const MEMBER_SOURCE_TYPES = ['application', 'order', 'staff'] as const;
export type MemberSourceType = (typeof MEMBER_SOURCE_TYPES)[number];

export interface MemberSource {
  type: MemberSourceType;
  /** The application's or order's id (or the staff user's); null when there is none. */
  id: string | null;
  /** What people read: the application reference, the order number… */
  reference: string | null;
}

/** Who changed a member's status; `sweep` is the daily status sweep. */
export const MEMBER_ACTOR_KINDS = ['user', 'api-key', 'system', 'sweep'] as const;
export type MemberActorKind = (typeof MEMBER_ACTOR_KINDS)[number];

export interface MemberActor {
  kind: MemberActorKind;
  id: string | null;
}

/** A member's stored status and, when an admin set it by hand, the engine's verdict it overrode. */
export interface MemberStatusState {
  status: MemberStatus;
  override: { basis: MemberStatus; reason: string } | null;
}

/** Why a status changed: English words, and the status engine's code and values when it decided. */
export interface StatusChangeReason {
  text: string;
  code?: string | null;
  params?: Record<string, unknown> | null;
}

/** The member's language is the e-mail language. */
export type MemberLocale = Locale;

export type { PostalAddress } from '@tessera/core';

/** Occupation and the like, as an individual applicant gives them. */
export interface ProfessionalDetails {
  occupation: string;
  employer?: string;
  jobTitle?: string;
  sector?: string;
  licenceNumber?: string;
  yearsOfExperience?: number;
}

/** Who a member's invoices are addressed to, as billing takes them. */
export interface MemberBillingDetails {
  memberId: string;
  memberNumber: string;
  /** The person's full name, or the organisation's legal name. */
  name: string;
  address: PostalAddress | null;
  /** An organisation's registration number. */
  companyNumber: string | null;
  vatNumber: string | null;
  /** Where the member's e-mails go (the person, or the organisation's contact). */
  email: string | null;
  locale: MemberLocale;
}
