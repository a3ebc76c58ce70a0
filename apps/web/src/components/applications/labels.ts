import type { StatusLook } from '@/components/common/status-look';
import type { ApplicantKind, ApplicationSource, ApplicationStatus } from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = ['submitted', 'approved', 'refused', 'cancelled'];

export const STATUS_LABELS = translatedLabels('applications.status', APPLICATION_STATUSES);

export const APPLICATION_STATUS_LOOK: StatusLook<ApplicationStatus> = {
  labels: STATUS_LABELS,
  types: { submitted: 'info', approved: 'success', refused: 'error', cancelled: 'default' },
  testid: 'application-status',
};

export const APPLICANT_KINDS: readonly ApplicantKind[] = ['individual', 'organisation'];

export const KIND_LABELS = translatedLabels('applications.kind', APPLICANT_KINDS);

export const SOURCE_LABELS = translatedLabels<ApplicationSource>('applications.source', ['online', 'staff', 'api']);

/** The filters of the applications list, named as the API's query parameters. */
export const APPLICATION_FILTERS = ['status', 'planId', 'kind', 'submittedFrom', 'submittedTo', 'q'] as const;
export type ApplicationFilter = (typeof APPLICATION_FILTERS)[number];
