import { h } from 'vue';
import { RouterLink } from 'vue-router';
import type { DataTableColumns } from 'naive-ui';
import type { StatusForecastMember } from '@/api/types';
import StatusTag from '@/components/common/StatusTag.vue';
import { MEMBER_STATUS_LOOK } from '@/components/members/labels';
import { statusReasonText } from '@/components/members/status-reason';

export type ForecastRow = StatusForecastMember & { id: string };

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The forecast's members: who (linking to the member), their status now and then, and why. */
export function forecastColumns(t: Translate): DataTableColumns<ForecastRow> {
  return [
    {
      key: 'member',
      title: t('statuses.forecast.member'),
      minWidth: 220,
      render: (row) =>
        h('div', { class: 'list-stack' }, [
          h(
            RouterLink,
            { to: { name: 'office-member', params: { id: row.memberId } }, 'data-testid': 'forecast-member-link' },
            () => row.name,
          ),
          h('span', { class: 't-mono t-muted' }, row.number),
        ]),
    },
    {
      key: 'from',
      title: t('statuses.forecast.from'),
      width: 150,
      render: (row) => h(StatusTag, { status: row.from, look: MEMBER_STATUS_LOOK }),
    },
    {
      key: 'to',
      title: t('statuses.forecast.to'),
      width: 150,
      render: (row) =>
        h('span', { 'data-testid': 'forecast-to' }, [h(StatusTag, { status: row.to, look: MEMBER_STATUS_LOOK })]),
    },
    {
      key: 'why',
      title: t('statuses.forecast.why'),
      minWidth: 320,
      render: (row) => statusReasonText(row.reasonCode, row.reasonParams, row.reason),
    },
  ];
}
