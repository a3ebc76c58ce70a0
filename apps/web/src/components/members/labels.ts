import type { StatusLook, TagType } from '@/components/common/status-look';
import type {
  MemberKind,
  MemberSort,
  MemberSource,
  MemberStatus,
  PortalAccount,
  PortalAccountState,
} from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const MEMBER_STATUSES: readonly MemberStatus[] = [
  'upcoming',
  'member',
  'in-grace',
  'suspended',
  'ex-member',
  'non-member',
];

/** Status names as staff and members read them. */
export const MEMBER_STATUS_LABELS = translatedLabels('members.status', MEMBER_STATUSES);

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

export const MEMBER_KINDS: readonly MemberKind[] = ['person', 'organisation'];

export const MEMBER_KIND_LABELS = translatedLabels('members.kind', MEMBER_KINDS);

export const ACCOUNT_STATES: readonly PortalAccountState[] = ['none', 'invited', 'active', 'disabled'];

export const ACCOUNT_STATE_LABELS = translatedLabels('members.accountState', ACCOUNT_STATES);

export const ACCOUNT_STATE_TYPES: Record<PortalAccountState, TagType> = {
  none: 'default',
  invited: 'info',
  active: 'success',
  disabled: 'error',
};

export const SOURCE_LABELS = translatedLabels<MemberSource['type']>('members.source', [
  'application',
  'order',
  'staff',
]);

/** What created a portal account. */
export const ACCOUNT_ORIGIN_LABELS = translatedLabels<NonNullable<PortalAccount['createdFrom']>>(
  'members.accountOrigin',
  ['application', 'order', 'staff'],
);

/** The filters of the members list, named as the API's query parameters. */
export const MEMBER_FILTERS = [
  'q',
  'kind',
  'status',
  'planId',
  'accountState',
  'autoRegistered',
  'sort',
  'pendingQuestionnaire',
] as const;
export type MemberFilter = (typeof MEMBER_FILTERS)[number];

/** What each status means for the member, in the portal. */
export const MEMBER_STATUS_HINTS = translatedLabels('members.statusHint', MEMBER_STATUSES);

/** The orders the members list offers, named as the API's `sort` (the first is its default). */
export const MEMBER_SORTS: readonly MemberSort[] = [
  '-createdAt',
  'createdAt',
  'number',
  '-number',
  'status',
  '-status',
];

export const MEMBER_SORT_LABELS = translatedLabels('members.filters.sorts', MEMBER_SORTS);
