import type { StatusLook, TagType } from '@/components/common/status-look';
import type {
  ApprovalEventType,
  ApprovalLevelStatus,
  ApprovalPolicy,
  ApprovalStatus,
  ApprovalSubjectType,
  AssignmentStatus,
} from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const APPROVAL_STATUSES: readonly ApprovalStatus[] = ['pending', 'approved', 'refused', 'cancelled'];

export const APPROVAL_STATUS_LABELS = translatedLabels('approvals.status', APPROVAL_STATUSES);

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

const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['pending', 'approved', 'refused', 'reassigned', 'withdrawn'];

/** The caller's own part on a request, as the inbox says it. */
export const ASSIGNMENT_LABELS = translatedLabels('approvals.assignment', ASSIGNMENT_STATUSES);

/** An approver's decision on a level. */
export const DECISION_LABELS = translatedLabels('approvals.decision', ASSIGNMENT_STATUSES);

export const ASSIGNMENT_TYPES: Record<AssignmentStatus, TagType> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  reassigned: 'default',
  withdrawn: 'default',
};

export const LEVEL_STATUS_TYPES: Record<ApprovalLevelStatus, TagType> = {
  waiting: 'default',
  open: 'info',
  approved: 'success',
  refused: 'error',
  cancelled: 'default',
};

export const LEVEL_STATUS_LABELS = translatedLabels(
  'approvals.levelStatus',
  Object.keys(LEVEL_STATUS_TYPES) as ApprovalLevelStatus[],
);

export const SUBJECT_TYPES: readonly ApprovalSubjectType[] = [
  'application',
  'upgrade',
  'termination',
  'share_subscription',
  'share_redemption',
  'share_transfer',
  'share_conversion',
];

export const SUBJECT_TYPE_LABELS = translatedLabels('approvals.subjectType', SUBJECT_TYPES);

export const APPROVAL_POLICIES: readonly ApprovalPolicy[] = ['any', 'all'];

export const POLICY_LABELS = translatedLabels('approvals.policy', APPROVAL_POLICIES);

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

export const EVENT_TITLES = translatedLabels('approvals.event', Object.keys(EVENT_TYPES) as ApprovalEventType[]);

/** The inbox's URL filters: `view` '' shows what is pending, 'all' everything; then the subject type. */
export const APPROVAL_FILTERS = ['view', 'subjectType'] as const;
export type ApprovalFilter = (typeof APPROVAL_FILTERS)[number];
