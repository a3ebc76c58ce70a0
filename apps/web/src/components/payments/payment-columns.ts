import { computed, h, type VNodeChild } from 'vue';
import { RouterLink } from 'vue-router';
import { NTag, type DataTableColumns } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import type { Payment, PaymentAllocation } from '@/api/types';
import StatusTag from '@/components/common/StatusTag.vue';
import { useIsPhone } from '@/composables/useBreakpoint';
import { formatLocalDate } from '@/utils/local-date';
import { formatAmount } from '@/utils/money';
import { PAYMENT_METHOD_LOOK } from './labels';

export interface PaymentColumnOptions {
  /** The member column (the back office's list of everyone's payments). */
  member?: boolean;
  /** Documents paid link to their back-office page; the portal shows their numbers only. */
  documentLinks?: boolean;
  /** The last cell: the receipt download, reverse… */
  actions: (row: Payment, compact: boolean) => VNodeChild;
  actionsWidth?: number;
}

/**
 * The columns of a table of payments — receipt number (and "Reversed"), date, member, method,
 * amount with the credit it left, documents paid — shared by the Payments page, the member's payments card
 * and "My payments". On a phone they fold into two columns.
 */
export function usePaymentColumns(options: PaymentColumnOptions) {
  const { t } = useI18n();
  const isPhone = useIsPhone();

  function receiptCell(row: Payment) {
    return h('div', { class: 'list-cell' }, [
      h('span', { class: 'list-number t-mono', 'data-testid': 'payment-receipt' }, row.receiptNumber),
      row.reversedAt
        ? h(
            'span',
            { class: 'list-stack' },
            h(
              NTag,
              { size: 'small', round: true, bordered: false, type: 'error', 'data-testid': 'payment-reversed' },
              { default: () => t('payments.list.reversed') },
            ),
          )
        : null,
      row.reversalReason
        ? h('span', { class: 'list-cell-meta', 'data-testid': 'payment-reversal-reason' }, row.reversalReason)
        : null,
    ]);
  }

  function memberCell(row: Payment) {
    return h('div', { class: 'list-cell' }, [
      h(
        RouterLink,
        {
          to: { name: 'office-member', params: { id: row.member.id } },
          class: 'list-cell-name',
          'data-testid': 'payment-member',
        },
        { default: () => row.member.name },
      ),
      h('span', { class: 'list-cell-meta t-mono' }, row.member.number),
    ]);
  }

  function documentLabel(allocation: PaymentAllocation) {
    if (!options.documentLinks) return h('span', { class: 't-mono' }, allocation.number);
    return h(
      RouterLink,
      {
        to: { name: 'office-invoice', params: { id: allocation.documentId } },
        class: 't-mono',
        'data-testid': 'payment-document-link',
      },
      { default: () => allocation.number },
    );
  }

  function documentsCell(row: Payment) {
    if (!row.allocations.length) return h('span', { class: 't-subtle' }, '—');
    return h(
      'ul',
      { class: 'payment-documents', 'data-testid': 'payment-documents' },
      row.allocations.map((allocation) =>
        h(
          'li',
          {
            class: { 'payment-document--reversed': allocation.reversed },
            'data-testid': 'payment-document',
            'data-number': allocation.number,
          },
          [documentLabel(allocation), h('span', { class: 'amount t-muted' }, formatAmount(allocation.amount))],
        ),
      ),
    );
  }

  /** The amount, and under it what it left as credit (money beyond what the documents owed). */
  const amount = (row: Payment) =>
    h('div', { class: 'list-cell payment-amount' }, [
      h(
        'span',
        { class: ['amount', { 'amount--reversed': row.reversedAt }], 'data-testid': 'payment-amount' },
        formatAmount(row.amount),
      ),
      row.unallocated.amount > 0
        ? h(
            'span',
            { class: 'list-cell-meta amount', 'data-testid': 'payment-credit' },
            t('payments.list.creditLeft', { amount: formatAmount(row.unallocated) }),
          )
        : null,
    ]);
  const method = (row: Payment) => h(StatusTag, { status: row.method, look: PAYMENT_METHOD_LOOK });
  const date = (row: Payment) => formatLocalDate(row.date);

  return computed<DataTableColumns<Payment>>(() =>
    isPhone.value
      ? [
          {
            key: 'receipt',
            title: t('payments.list.receipt'),
            render: (row) =>
              h('div', { class: 'list-cell' }, [
                receiptCell(row),
                h(
                  'span',
                  { class: 'list-cell-meta' },
                  options.member ? `${date(row)} · ${row.member.name}` : date(row),
                ),
                documentsCell(row),
              ]),
          },
          {
            key: 'amount',
            title: t('payments.list.amount'),
            width: 140,
            render: (row) => h('div', { class: 'list-stack' }, [amount(row), method(row), options.actions(row, true)]),
          },
        ]
      : [
          { key: 'receipt', title: t('payments.list.receipt'), width: 160, render: receiptCell },
          { key: 'date', title: t('payments.list.date'), width: 110, className: 'nowrap', render: date },
          ...(options.member
            ? [{ key: 'member', title: t('payments.list.member'), minWidth: 150, render: memberCell }]
            : []),
          { key: 'method', title: t('payments.list.method'), width: 120, render: method },
          { key: 'amount', title: t('payments.list.amount'), width: 150, align: 'right' as const, render: amount },
          { key: 'documents', title: t('payments.list.documents'), minWidth: 180, render: documentsCell },
          {
            key: 'actions',
            title: '',
            width: options.actionsWidth ?? 120,
            align: 'right' as const,
            render: (row) => options.actions(row, false),
          },
        ],
  );
}

/** Row attributes for the browser tests: the row and its receipt number. */
export function paymentRowProps(row: Payment) {
  return {
    'data-testid': 'payment-row',
    'data-receipt': row.receiptNumber,
    'data-reversed': row.reversedAt ? 'true' : 'false',
  };
}
