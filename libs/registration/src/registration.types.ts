/** Shared vocabulary of the registration domain. */
// An application's kind is the plan's applicant kind: one name, defined by @tessera/plans.
export { APPLICANT_KINDS, type ApplicantKind } from '@tessera/plans';

export const APPLICATION_LOCALES = ['en', 'fr'] as const;
export type ApplicationLocale = (typeof APPLICATION_LOCALES)[number];

/** Where an application came from: the public form, the back office, or an integrator's API key. */
export const APPLICATION_SOURCES = ['online', 'staff', 'api'] as const;
export type ApplicationSource = (typeof APPLICATION_SOURCES)[number];

export const FILE_ROLES = ['document', 'photo', 'signature'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const STORED_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type StoredContentType = (typeof STORED_CONTENT_TYPES)[number];

export const APPLICATION_EVENT_TYPES = ['submitted', 'approved', 'refused', 'cancelled'] as const;
export type ApplicationEventType = (typeof APPLICATION_EVENT_TYPES)[number];

export const ACTOR_KINDS = ['applicant', 'user', 'api-key', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
