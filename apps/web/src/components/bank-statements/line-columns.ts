import { computed, h, type VNodeChild } from 'vue';
import { RouterLink } from 'vue-router';
import { NTag, type DataTableColumns } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import type { BankLineDocument, BankStatementLine } from '@/api/types';
import StatusTag from '@/components/common/StatusTag.vue';
import { useIsPhone } from '@/composables/useBreakpoint';
import { formatLocalDate } from '@/utils/local-date';
import { formatAmount } from '@/utils/money';
import { BANK_LINE_STATE_LOOK } from './labels';

/**
 * The columns of a table of bank statement lines — date, payer, what the payer wrote, amount,
 * what became of the line (its state, the document or receipt, who decided) and the actions —
 * shared by a statement's page and the review queue. On a phone they fold into two columns.
 */
export function useBankLineColumns(actions: (row: BankStatementLine) => VNodeChild) {
  const { t } = useI18n();
  const isPhone = useIsPhone();

  const documentLink = (document: BankLineDocument, testid: string) =>
    h(
      RouterLink,
      { to: { name: 'office-invoice', params: { id: document.id } }, class: 't-mono', 'data-testid': testid },
      { default: () => document.number },
    );

  const payer = (row: BankStatementLine) =>
    h('div', { class: 'list-cell' }, [
      h('span', { class: 'list-cell-name', 'data-testid': 'bank-line-payer' }, row.counterparty.name ?? '—'),
      row.counterparty.iban ? h('span', { class: 'list-cell-meta t-mono' }, row.counterparty.iban) : null,
    ]);

  const communication = (row: BankStatementLine) =>
    h('div', { class: 'list-cell bank-line-text' }, [
      row.structuredReference ? h('span', { class: 't-mono' }, row.structuredReference) : null,
      row.remittanceText ? h('span', { class: 'list-cell-meta' }, row.remittanceText) : null,
      !row.structuredReference && !row.remittanceText ? h('span', { class: 't-subtle' }, '—') : null,
    ]);

  const amount = (row: BankStatementLine) =>
    h(
      'span',
      {
        class: ['amount', row.direction === 'debit' ? 'amount--debit' : 'amount--credit'],
        'data-testid': 'bank-line-amount',
      },
      `${row.direction === 'debit' ? '−' : '+'}${formatAmount(row.amount)}`,
    );

  /** The state, and what it led to: the payment's receipt, the document named or suggested, the decision. */
  const outcome = (row: BankStatementLine) =>
    h('div', { class: 'list-cell list-stack' }, [
      h(StatusTag, { status: row.state, look: BANK_LINE_STATE_LOOK }),
      row.receiptNumber
        ? h('span', { class: 'list-cell-meta', 'data-testid': 'bank-line-receipt' }, [
            t('bankStatements.lines.receipt'),
            ' ',
            h('span', { class: 't-mono' }, row.receiptNumber),
          ])
        : null,
      row.suggestedDocument && row.state === 'suggested'
        ? h('span', { class: 'list-cell-meta' }, [
            t('bankStatements.lines.suggestion'),
            ' ',
            documentLink(row.suggestedDocument, 'bank-line-suggested-document'),
          ])
        : null,
      row.referenceDocument && row.state !== 'duplicate'
        ? h('span', { class: 'list-cell-meta' }, [
            t('bankStatements.lines.names'),
            ' ',
            documentLink(row.referenceDocument, 'bank-line-reference-document'),
          ])
        : null,
      row.references.length && !row.referenceDocument
        ? h(
            NTag,
            { size: 'small', bordered: false, 'data-testid': 'bank-line-unknown-reference' },
            { default: () => t('bankStatements.lines.unknownReference', { reference: row.references[0] }) },
          )
        : null,
      row.resolvedBy
        ? h(
            'span',
            { class: 'list-cell-meta', 'data-testid': 'bank-line-decided' },
            t('bankStatements.lines.decidedBy', { name: row.resolvedBy.name }) +
              (row.resolutionNote ? ` — ${row.resolutionNote}` : ''),
          )
        : null,
    ]);

  const date = (row: BankStatementLine) => formatLocalDate(row.bookingDate);

  return computed<DataTableColumns<BankStatementLine>>(() =>
    isPhone.value
      ? [
          {
            key: 'line',
            title: t('bankStatements.lines.payer'),
            render: (row) =>
              h('div', { class: 'list-cell' }, [
                payer(row),
                h('span', { class: 'list-cell-meta' }, date(row)),
                communication(row),
              ]),
          },
          {
            key: 'amount',
            title: t('bankStatements.lines.amount'),
            width: 150,
            render: (row) => h('div', { class: 'list-stack' }, [amount(row), outcome(row), actions(row)]),
          },
        ]
      : [
          { key: 'date', title: t('bankStatements.lines.date'), width: 110, className: 'nowrap', render: date },
          { key: 'payer', title: t('bankStatements.lines.payer'), minWidth: 170, render: payer },
          { key: 'text', title: t('bankStatements.lines.communication'), minWidth: 220, render: communication },
          {
            key: 'amount',
            title: t('bankStatements.lines.amount'),
            width: 130,
            align: 'right' as const,
            render: amount,
          },
          { key: 'state', title: t('bankStatements.lines.outcome'), minWidth: 200, render: outcome },
          { key: 'actions', title: '', width: 120, align: 'right' as const, render: actions },
        ],
  );
}

/** Row attributes for the browser tests. */
export function bankLineRowProps(row: BankStatementLine) {
  return { 'data-testid': 'bank-line-row', 'data-state': row.state, 'data-position': String(row.position) };
}
