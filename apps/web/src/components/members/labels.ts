import type { StatusLook, TagType } from '@/components/common/status-look';
import type { MemberKind, MemberSource, MemberStatus, PortalAccount, PortalAccountState } from '@/api/types';

export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'upcoming',
  'member',
  'in-grace',
  'suspended',
  'ex-member',
  'non-member',
];

/** Status names as staff and members read them. */
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  'non-member': 'Not a member',
  upcoming: 'Starting soon',
  member: 'Member',
  'in-grace': 'Renewal due',
  suspended: 'Suspended',
  'ex-member': 'Former member',
};

export const MEMBER_STATUS_TYPES: Record<MemberStatus, TagType> = {
  'non-member': 'default',
  upcoming: 'info',
  member: 'success',
  'in-grace': 'warning',
  suspended: 'error',
  'ex-member': 'default',
};

export const MEMBER_STATUS_LOOK: StatusLook<MemberStatus> = {
  labels: MEMBER_STATUS_LABELS,
  types: MEMBER_STATUS_TYPES,
  testid: 'member-status',
};

export const MEMBER_KIND_LABELS: Record<MemberKind, string> = {
  person: 'Individual',
  organisation: 'Organisation',
};

export const ACCOUNT_STATES: readonly PortalAccountState[] = ['none', 'invited', 'active', 'disabled'];

export const ACCOUNT_STATE_LABELS: Record<PortalAccountState, string> = {
  none: 'No account',
  invited: 'Invited',
  active: 'Active',
  disabled: 'Disabled',
};

export const ACCOUNT_STATE_TYPES: Record<PortalAccountState, TagType> = {
  none: 'default',
  invited: 'info',
  active: 'success',
  disabled: 'error',
};

export const SOURCE_LABELS: Record<MemberSource['type'], string> = {
  application: 'Application',
  order: 'Order',
  staff: 'Back office',
};

/** What created a portal account. */
export const ACCOUNT_ORIGIN_LABELS: Record<NonNullable<PortalAccount['createdFrom']>, string> = {
  application: 'Approved application',
  order: 'Order',
  staff: 'Invited by staff',
};

/** The filters of the members list, named as the API's query parameters. */
export const MEMBER_FILTERS = ['q', 'kind', 'status', 'planId', 'accountState', 'autoRegistered'] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];

/** What each status means for the member, in the portal. */
export const MEMBER_STATUS_HINTS: Record<MemberStatus, string> = {
  'non-member': 'You are not a member at the moment.',
  upcoming: 'Your membership has been approved and starts soon.',
  member: 'Your membership is active.',
  'in-grace': 'Your membership is due for renewal. Renew soon to keep your benefits.',
  suspended: 'Your membership is suspended. Contact us to restore it.',
  'ex-member': 'Your membership has ended. You are welcome to join again.',
};
