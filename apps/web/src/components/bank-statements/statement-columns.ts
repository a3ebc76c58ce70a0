import { computed, h } from 'vue';
import { RouterLink } from 'vue-router';
import { NTag, type DataTableColumns } from 'naive-ui';
import { useI18n } from 'vue-i18n';
import type { BankStatement } from '@/api/types';
import { useIsPhone } from '@/composables/useBreakpoint';
import { formatDateTime } from '@/utils/format';
import { STATEMENT_FORMAT_LABELS } from './labels';

export const statementLink = (row: BankStatement) => ({ name: 'office-bank-statement', params: { id: row.id } });

/**
 * The columns of the imported statements: the file (format, account), when and by whom, what the
 * import did, and how many lines still wait for finance.
 */
export function useStatementColumns() {
  const { t } = useI18n();
  const isPhone = useIsPhone();

  const file = (row: BankStatement) =>
    h('div', { class: 'list-cell' }, [
      h(
        RouterLink,
        { to: statementLink(row), class: 'list-cell-name', 'data-testid': 'statement-link' },
        { default: () => row.fileName },
      ),
      h(
        'span',
        { class: 'list-cell-meta' },
        [STATEMENT_FORMAT_LABELS[row.format], row.accountIban, row.statementId].filter(Boolean).join(' · '),
      ),
    ]);
  const imported = (row: BankStatement) =>
    h('div', { class: 'list-cell' }, [
      h('span', {}, formatDateTime(row.importedAt)),
      row.importedBy ? h('span', { class: 'list-cell-meta' }, row.importedBy.name) : null,
    ]);
  const figures = (row: BankStatement) =>
    h(
      'span',
      { class: 'list-cell-meta', 'data-testid': 'statement-figures' },
      t('bankStatements.list.figures', {
        lines: row.lines,
        matched: row.matched,
        toReview: row.toReview + row.suggested,
        duplicates: row.duplicates,
      }),
    );
  const open = (row: BankStatement) =>
    h(
      NTag,
      {
        size: 'small',
        round: true,
        bordered: false,
        type: row.open ? 'warning' : 'success',
        'data-testid': 'statement-open',
        'data-open': String(row.open),
      },
      {
        default: () =>
          row.open ? t('bankStatements.list.waiting', { count: row.open }, row.open) : t('bankStatements.list.allDone'),
      },
    );

  return computed<DataTableColumns<BankStatement>>(() =>
    isPhone.value
      ? [
          {
            key: 'file',
            title: t('bankStatements.list.file'),
            render: (row) => h('div', { class: 'list-cell' }, [file(row), figures(row)]),
          },
          { key: 'open', title: t('bankStatements.list.open'), width: 130, render: open },
        ]
      : [
          { key: 'file', title: t('bankStatements.list.file'), minWidth: 240, render: file },
          { key: 'imported', title: t('bankStatements.list.imported'), width: 190, render: imported },
          { key: 'figures', title: t('bankStatements.list.result'), minWidth: 260, render: figures },
          { key: 'open', title: t('bankStatements.list.open'), width: 150, render: open },
        ],
  );
}
