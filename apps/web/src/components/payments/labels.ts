import type { TagType } from '@/components/common/status-look';
import type { StatusLook } from '@/components/common/status-look';
import type { PaymentMethod, RecordablePaymentMethod } from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['bank-transfer', 'stripe', 'cash', 'cheque', 'other'];
/** Staff record every way of paying but Stripe's, which only its webhook records. */
export const RECORDABLE_METHODS: readonly RecordablePaymentMethod[] = ['bank-transfer', 'cash', 'cheque', 'other'];

export const PAYMENT_METHOD_LABELS = translatedLabels('payments.method', PAYMENT_METHODS);

const PAYMENT_METHOD_TYPES: Record<PaymentMethod, TagType> = {
  'bank-transfer': 'info',
  stripe: 'success',
  cash: 'default',
  cheque: 'default',
  other: 'default',
};

/** A payment's method as a tag (StatusTag), test id `payment-method`. */
export const PAYMENT_METHOD_LOOK: StatusLook<PaymentMethod> = {
  labels: PAYMENT_METHOD_LABELS,
  types: PAYMENT_METHOD_TYPES,
  testid: 'payment-method',
};

/** Who sees payments (GET /payments) and who records and reverses them (the API's FINANCE). */
export const PAYMENT_READER_ROLES = ['admin', 'finance', 'officer'] as const;
export const PAYMENT_RECORDER_ROLES = ['admin', 'finance'] as const;

/** The filters of the payments list, named as the API's query parameters. */
export const PAYMENT_FILTERS = ['method', 'memberId', 'paidFrom', 'paidTo'] as const;
export type PaymentFilter = (typeof PAYMENT_FILTERS)[number];
