import type { StatusLook } from '@/components/common/status-look';
import type { Order, OrderStatus } from '@/api/types';
import { translatedLabels } from '@/i18n/labels';

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'confirmed', 'cancelled'];

export const ORDER_STATUS_LABELS = translatedLabels('orders.status', ORDER_STATUSES);

export const ORDER_STATUS_TYPES = { pending: 'warning', confirmed: 'success', cancelled: 'default' } as const;

export const ORDER_STATUS_LOOK: StatusLook<OrderStatus> = {
  labels: ORDER_STATUS_LABELS,
  types: ORDER_STATUS_TYPES,
  testid: 'order-status',
};

export const ORDER_SOURCE_LABELS = translatedLabels<Order['source']>('orders.source', ['staff', 'api']);

/** The filters of the orders list, named as the API's query parameters. */
export const ORDER_FILTERS = ['q', 'status'] as const;
export type OrderFilter = (typeof ORDER_FILTERS)[number];
