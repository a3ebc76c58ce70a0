import { h } from 'vue';
import { RouterLink } from 'vue-router';
import type { DataTableColumns } from 'naive-ui';
import type { useI18n } from 'vue-i18n';
import type { RenewalRun } from '@/api/types';
import StatusTag from '@/components/common/StatusTag.vue';
import { activeLocale } from '@/i18n';
import { formatDateTime } from '@/utils/format';
import { formatLocalDate } from '@/utils/local-date';
import { RENEWAL_RUN_STATE_LOOK } from './labels';
import { formatDuration, runDay, runDurationMs } from './renewal-figures';
import { runDocumentsLink } from './renewal-links';
import RenewalTotals from './RenewalTotals.vue';

type Translate = ReturnType<typeof useI18n>['t'];

const number = (value: number, testid: string) => h('span', { class: 'run-number', 'data-testid': testid }, value);

function startedBy(t: Translate, run: RenewalRun) {
  return run.trigger === 'schedule' ? t('renewals.history.schedule') : (run.startedByName ?? '—');
}

function stateCell(t: Translate, run: RenewalRun) {
  return h('div', { class: 'list-stack list-stack--muted' }, [
    h(StatusTag, { status: run.state, look: RENEWAL_RUN_STATE_LOOK }),
    run.failures > 0
      ? h(
          'span',
          { title: run.error ?? undefined },
          t('renewals.history.failures', { count: run.failures }, run.failures),
        )
      : null,
  ]);
}

function documentsCell(t: Translate, run: RenewalRun, timeZone?: string) {
  if (run.issued === 0) return '—';
  return h(
    RouterLink,
    {
      to: runDocumentsLink(run, timeZone),
      title: t('renewals.history.documentsHint'),
      'data-testid': 'renewal-run-documents-link',
    },
    { default: () => t('renewals.history.documentsLink', { date: formatLocalDate(runDay(run, timeZone)) }) },
  );
}

/**
 * The columns of the runs' history; on a phone, the date, who, state and what was issued. Each
 * run links to the pro-formas of its day in the organisation's `timeZone`.
 */
export function renewalRunColumns(t: Translate, phone: boolean, timeZone?: string): DataTableColumns<RenewalRun> {
  if (phone)
    return [
      {
        key: 'asOf',
        title: t('renewals.history.asOf'),
        render: (run) =>
          h('div', { class: 'list-cell' }, [
            h('span', { class: 'list-cell-name' }, formatLocalDate(run.asOf)),
            h('span', { class: 'list-cell-meta' }, startedBy(t, run)),
          ]),
      },
      {
        key: 'issued',
        title: t('renewals.history.issued'),
        width: 120,
        render: (run) =>
          h('div', { class: 'list-stack' }, [stateCell(t, run), number(run.issued, 'renewal-run-row-issued')]),
      },
    ];
  return [
    {
      key: 'asOf',
      title: t('renewals.history.asOf'),
      width: 130,
      render: (run) => h('span', { class: 'run-date' }, formatLocalDate(run.asOf)),
    },
    { key: 'startedBy', title: t('renewals.history.startedBy'), minWidth: 140, render: (run) => startedBy(t, run) },
    { key: 'state', title: t('renewals.history.state'), width: 120, render: (run) => stateCell(t, run) },
    {
      key: 'examined',
      title: t('renewals.history.examined'),
      width: 120,
      align: 'right',
      render: (run) => number(run.examined, 'renewal-run-row-examined'),
    },
    {
      key: 'issued',
      title: t('renewals.history.issued'),
      width: 90,
      align: 'right',
      render: (run) => number(run.issued, 'renewal-run-row-issued'),
    },
    {
      key: 'totals',
      title: t('renewals.history.totals'),
      width: 110,
      align: 'right',
      render: (run) => h(RenewalTotals, { totals: run.totals }),
    },
    {
      key: 'startedAt',
      title: t('renewals.history.startedAt'),
      width: 180,
      // When, and how long it took, under it.
      render: (run) =>
        h('div', { class: 'list-cell' }, [
          h('span', formatDateTime(run.startedAt ?? run.createdAt)),
          h(
            'span',
            { class: 'list-cell-meta', 'data-testid': 'renewal-run-row-duration' },
            `${t('renewals.history.duration')} ${formatDuration(runDurationMs(run), activeLocale.value)}`,
          ),
        ]),
    },
    {
      key: 'documents',
      title: t('renewals.history.documents'),
      minWidth: 150,
      render: (run) => documentsCell(t, run, timeZone),
    },
  ];
}
