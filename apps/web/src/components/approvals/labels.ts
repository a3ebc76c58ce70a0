import type { StatusLook, TagType } from '@/components/common/status-look';
import type {
  ApprovalEventType,
  ApprovalLevelStatus,
  ApprovalPolicy,
  ApprovalStatus,
  ApprovalSubjectType,
  AssignmentStatus,
} from '@/api/types';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'refused', 'cancelled'];

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

export const APPROVAL_STATUS_TYPES: Record<ApprovalStatus, TagType> = {
  pending: 'info',
  approved: 'success',
  refused: 'error',
  cancelled: 'default',
};

export const APPROVAL_STATUS_LOOK: StatusLook<ApprovalStatus> = {
  labels: APPROVAL_STATUS_LABELS,
  types: APPROVAL_STATUS_TYPES,
  testid: 'approval-status',
};

/** The caller's own part on a request, as the inbox says it. */
export const ASSIGNMENT_LABELS: Record<AssignmentStatus, string> = {
  pending: 'Awaiting you',
  approved: 'You approved',
  refused: 'You refused',
  reassigned: 'Reassigned',
  withdrawn: 'No longer needed',
};

/** An approver's decision on a level. */
export const DECISION_LABELS: Record<AssignmentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  refused: 'Refused',
  reassigned: 'Reassigned',
  withdrawn: 'Not needed',
};

export const ASSIGNMENT_TYPES: Record<AssignmentStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  reassigned: 'default',
  withdrawn: 'default',
};

export const LEVEL_STATUS_LABELS: Record<ApprovalLevelStatus, string> = {
  waiting: 'Waiting',
  open: 'In progress',
  approved: 'Approved',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

export const LEVEL_STATUS_TYPES: Record<ApprovalLevelStatus, TagType> = {
  waiting: 'default',
  open: 'info',
  approved: 'success',
  refused: 'error',
  cancelled: 'default',
};

export const SUBJECT_TYPES: readonly ApprovalSubjectType[] = [
  'application',
  'upgrade',
  'termination',
  'share_subscription',
];

export const SUBJECT_TYPE_LABELS: Record<ApprovalSubjectType, string> = {
  application: 'Membership application',
  upgrade: 'Plan upgrade',
  termination: 'Termination',
  share_subscription: 'Share subscription',
};

export const POLICY_LABELS: Record<ApprovalPolicy, string> = {
  any: 'Any one approver decides',
  all: 'Every approver must approve',
};

export const EVENT_TITLES: Record<ApprovalEventType, string> = {
  opened: 'Request opened',
  'level-opened': 'Level opened',
  approved: 'Approved',
  refused: 'Refused',
  reassigned: 'Reassigned',
  attached: 'Document attached',
  cancelled: 'Cancelled',
  'level-completed': 'Level completed',
  'request-approved': 'Request approved',
  'request-refused': 'Request refused',
  reminded: 'Reminder sent',
};

export const EVENT_TYPES: Record<ApprovalEventType, TagType> = {
  opened: 'info',
  'level-opened': 'info',
  approved: 'success',
  refused: 'error',
  reassigned: 'default',
  attached: 'default',
  cancelled: 'warning',
  'level-completed': 'success',
  'request-approved': 'success',
  'request-refused': 'error',
  reminded: 'warning',
};

/** The inbox's URL filters: `view` '' shows what is pending, 'all' everything; then the subject type. */
export const APPROVAL_FILTERS = ['view', 'subjectType'] as const;
export type ApprovalFilter = (typeof APPROVAL_FILTERS)[number];
