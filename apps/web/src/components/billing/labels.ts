import type { StatusLook, TagType } from '@/components/common/status-look';
import type { BillingDocumentKind, BillingDocumentState, SubscriptionState } from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const DOCUMENT_KINDS: readonly BillingDocumentKind[] = [
  'invoice',
  'pro-forma',
  'credit-note',
  'capital-release',
];
export const DOCUMENT_KIND_LABELS = translatedLabels('billing.kind', DOCUMENT_KINDS);

/** The states each kind of document goes through (billing-document-state.ts on the server). */
export const DOCUMENT_STATES_BY_KIND: Record<BillingDocumentKind, readonly BillingDocumentState[]> = {
  invoice: ['open', 'partially-paid', 'paid', 'credited'],
  'pro-forma': ['open', 'confirmed', 'declined', 'cancelled'],
  'credit-note': ['issued'],
  'capital-release': ['open', 'partially-paid', 'paid'],
};

export const DOCUMENT_STATES: readonly BillingDocumentState[] = [
  'open',
  'partially-paid',
  'paid',
  'credited',
  'confirmed',
  'declined',
  'cancelled',
  'issued',
];

export const DOCUMENT_STATE_LABELS = translatedLabels('billing.state', DOCUMENT_STATES);

export const DOCUMENT_STATE_TYPES: Record<BillingDocumentState, TagType> = {
  open: 'warning',
  'partially-paid': 'info',
  paid: 'success',
  credited: 'default',
  confirmed: 'success',
  declined: 'default',
  cancelled: 'default',
  issued: 'info',
};

export const DOCUMENT_STATE_LOOK: StatusLook<BillingDocumentState> = {
  labels: DOCUMENT_STATE_LABELS,
  types: DOCUMENT_STATE_TYPES,
  testid: 'invoice-state',
};

export const SUBSCRIPTION_STATES: readonly SubscriptionState[] = ['pending', 'active', 'ended', 'cancelled'];

export const SUBSCRIPTION_STATE_LABELS = translatedLabels('billing.subscriptionState', SUBSCRIPTION_STATES);

export const SUBSCRIPTION_STATE_TYPES: Record<SubscriptionState, TagType> = {
  pending: 'warning',
  active: 'success',
  ended: 'default',
  cancelled: 'default',
};

export const SUBSCRIPTION_STATE_LOOK: StatusLook<SubscriptionState> = {
  labels: SUBSCRIPTION_STATE_LABELS,
  types: SUBSCRIPTION_STATE_TYPES,
  testid: 'subscription-state',
};

/** A subscription that counts: at most one per member, and the one staff can end. */
export function isLive(state: SubscriptionState): boolean {
  return state === 'pending' || state === 'active';
}

/** The filters of the invoices list, named as the API's query parameters. */
export const INVOICE_FILTERS = ['number', 'kind', 'state', 'overdue', 'issuedFrom', 'issuedTo'] as const;
export type InvoiceFilter = (typeof INVOICE_FILTERS)[number];

/** Roles that issue credit notes and confirm or decline pro-formas (the API's BILLERS). */
export const BILLER_ROLES = ['admin', 'officer', 'finance'] as const;
