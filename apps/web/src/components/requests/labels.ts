import type { StatusLook, TagType } from '@/components/common/status-look';
import { translatedLabels } from '@/i18n/labels';
import type { MemberRequestKind, MemberRequestState, TerminationReason } from './types';

/** The states of a member's request (member-request-state.ts on the server). */
export const REQUEST_STATES: readonly MemberRequestState[] = [
  'pending',
  'approved',
  'refused',
  'withdrawn',
  'cancelled',
];
export const REQUEST_STATE_LABELS = translatedLabels('requests.state', REQUEST_STATES);
export const REQUEST_STATE_TYPES: Record<MemberRequestState, TagType> = {
  pending: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
  cancelled: 'default',
};
export const REQUEST_STATE_LOOK: StatusLook<MemberRequestState> = {
  labels: REQUEST_STATE_LABELS,
  types: REQUEST_STATE_TYPES,
  testid: 'request-state',
};

export const REQUEST_KINDS: readonly MemberRequestKind[] = ['upgrade', 'termination'];
export const REQUEST_KIND_LABELS = translatedLabels('requests.kind', REQUEST_KINDS);

export const TERMINATION_REASONS: readonly TerminationReason[] = [
  'moving',
  'cost',
  'not-using',
  'retiring',
  'dissatisfied',
  'other',
];
export const TERMINATION_REASON_LABELS = translatedLabels('requests.reasons', TERMINATION_REASONS);
