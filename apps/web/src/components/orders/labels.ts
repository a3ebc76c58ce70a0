import type { StatusLook } from '@/components/common/status-look';
import type { OrderStatus } from '@/api/types';

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'confirmed', 'cancelled'];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending: 'Awaiting confirmation',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
};

export const ORDER_STATUS_TYPES = { pending: 'warning', confirmed: 'success', cancelled: 'default' } as const;

export const ORDER_STATUS_LOOK: StatusLook<OrderStatus> = {
  labels: ORDER_STATUS_LABELS,
  types: ORDER_STATUS_TYPES,
  testid: 'order-status',
};

export const ORDER_SOURCE_LABELS = { staff: 'Back office', api: 'API (web shop)' } as const;

/** The filters of the orders list, named as the API's query parameters. */
export const ORDER_FILTERS = ['q', 'status'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
