import type { RenewalRunState } from '@/api/types';
import type { StatusLook, TagType } from '@/components/common/status-look';
import { translatedLabels } from '@/i18n/labels';

export const RENEWAL_RUN_STATES: readonly RenewalRunState[] = ['queued', 'running', 'done', 'failed'];

export const RENEWAL_RUN_STATE_TYPES: Record<RenewalRunState, TagType> = {
  queued: 'default',
  running: 'info',
  done: 'success',
  failed: 'error',
};

export const RENEWAL_RUN_STATE_LOOK: StatusLook<RenewalRunState> = {
  labels: translatedLabels('renewals.state', RENEWAL_RUN_STATES),
  types: RENEWAL_RUN_STATE_TYPES,
  testid: 'renewal-run-state',
};

/** Roles that preview and run renewals (the API's RENEWERS). */
export const RENEWER_ROLES = ['admin', 'officer', 'finance'] as const;
