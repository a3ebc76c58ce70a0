import { STAFF_ROLES, type Role } from '@tessera/core';

/**
 * What an approval request is about; the owning domain registers a handler for its type.
 * `application` is used now, the others by the self-service and co-operative domains later.
 */
export const SUBJECT_TYPES = [
  'application',
  'upgrade',
  'termination',
  'share_subscription',
  'share_redemption',
  'share_transfer',
  'share_conversion',
] as const;
export type ApprovalSubjectType = (typeof SUBJECT_TYPES)[number];

/** `any`: the first approval completes the level; `all`: every assignee must approve. */
export const APPROVAL_POLICIES = ['any', 'all'] as const;
export type ApprovalPolicy = (typeof APPROVAL_POLICIES)[number];

/** Roles a level may name as approvers: the staff roles. */
export const APPROVER_ROLES = STAFF_ROLES as readonly Role[];

/** Roles that manage requests: cancel any, attach to any. */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'officer'];

/** Every entry of a request's audit trail. */
export const APPROVAL_EVENT_TYPES = [
  'opened',
  'level-opened',
  'approved',
  'refused',
  'reassigned',
  'attached',
  'cancelled',
  'level-completed',
  'request-approved',
  'request-refused',
  'reminded',
] as const;
export type ApprovalEventType = (typeof APPROVAL_EVENT_TYPES)[number];

/** Who did something: a person (id and name as they were then), or Tessera itself (id null). */
export interface ApprovalActor {
  userId: string | null;
  name: string;
}

export const SYSTEM_ACTOR: ApprovalActor = { userId: null, name: 'Tessera' };

export const DAY_MS = 24 * 60 * 60 * 1000;
