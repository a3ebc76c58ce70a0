import type { StatusLook } from '@/components/common/status-look';
import type { ApplicantKind, ApplicationSource, ApplicationStatus } from '@/api/types';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'approved', 'refused', 'cancelled'];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'Under review',
  approved: 'Approved',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

export const APPLICATION_STATUS_LOOK: StatusLook<ApplicationStatus> = {
  labels: STATUS_LABELS,
  types: { submitted: 'info', approved: 'success', refused: 'error', cancelled: 'default' },
  testid: 'application-status',
};

export const KIND_LABELS: Record<ApplicantKind, string> = {
  individual: 'Individual',
  organisation: 'Organisation',
};

export const SOURCE_LABELS: Record<ApplicationSource, string> = {
  online: 'Online form',
  staff: 'Back office',
  api: 'API',
};

/** The filters of the applications list, named as the API's query parameters. */
export const APPLICATION_FILTERS = ['status', 'planId', 'kind', 'submittedFrom', 'submittedTo', 'q'] as const;
export type ApplicationFilter = (typeof APPLICATION_FILTERS)[number];
