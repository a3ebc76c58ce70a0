import type {
  CooperatorKind,
  CooperatorState,
  ShareMovementKind,
  ShareOperationKind,
  ShareOperationState,
  ShareReimbursementState,
  ShareSubscriptionState,
} from '@/api/cooperative';
import type { StatusLook } from '@/components/common/status-look';
import { translatedLabels } from '@/i18n/labels';

export const COOPERATOR_STATES: readonly CooperatorState[] = ['candidate', 'effective', 'former'];
export const COOPERATOR_STATE_LOOK: StatusLook<CooperatorState> = {
  labels: translatedLabels('cooperative.cooperatorState', COOPERATOR_STATES),
  types: { candidate: 'warning', effective: 'success', former: 'default' },
  testid: 'cooperator-state',
};

export const COOPERATOR_KINDS: readonly CooperatorKind[] = ['person', 'organisation'];
export const COOPERATOR_KIND_LABELS = translatedLabels('cooperative.kind', COOPERATOR_KINDS);

export const OPERATION_KINDS: readonly ShareOperationKind[] = ['redemption', 'transfer', 'conversion'];
export const OPERATION_KIND_LABELS = translatedLabels('cooperative.operationKind', OPERATION_KINDS);

export const OPERATION_STATES: readonly ShareOperationState[] = [
  'pending',
  'approved',
  'executed',
  'refused',
  'withdrawn',
  'cancelled',
];
export const OPERATION_STATE_LOOK: StatusLook<ShareOperationState> = {
  labels: translatedLabels('cooperative.operationState', OPERATION_STATES),
  types: {
    pending: 'warning',
    approved: 'info',
    executed: 'success',
    refused: 'error',
    withdrawn: 'default',
    cancelled: 'default',
  },
  testid: 'operation-state',
};

export const MOVEMENT_KINDS: readonly ShareMovementKind[] = [
  'issue',
  'redemption',
  'transfer_out',
  'transfer_in',
  'conversion_out',
  'conversion_in',
];
export const MOVEMENT_KIND_LABELS = translatedLabels('cooperative.movementKind', MOVEMENT_KINDS);

export const REIMBURSEMENT_STATES: readonly ShareReimbursementState[] = ['due', 'paid'];
export const REIMBURSEMENT_STATE_LOOK: StatusLook<ShareReimbursementState> = {
  labels: translatedLabels('cooperative.reimbursementState', REIMBURSEMENT_STATES),
  types: { due: 'warning', paid: 'success' },
  testid: 'reimbursement-state',
};

export const SUBSCRIPTION_STATES: readonly ShareSubscriptionState[] = [
  'pending',
  'approved',
  'paid',
  'refused',
  'cancelled',
];
export const SUBSCRIPTION_STATE_LOOK: StatusLook<ShareSubscriptionState> = {
  labels: translatedLabels('cooperative.subscriptionState', SUBSCRIPTION_STATES),
  types: { pending: 'warning', approved: 'info', paid: 'success', refused: 'error', cancelled: 'default' },
  testid: 'subscription-state',
};

/** The filters of the cooperators list, named as the API's query parameters. */
export const COOPERATOR_FILTERS = ['q', 'state', 'kind', 'shareClassId'] as const;
export type CooperatorFilter = (typeof COOPERATOR_FILTERS)[number];
