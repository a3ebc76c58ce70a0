import { shallowRef, type ShallowRef } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { translate } from '@/i18n/translate';
import { formatLocalDate } from '@/utils/local-date';
import { formatAmount, formatMoney } from '@/utils/money';
import { TERMINATION_REASON_LABELS } from './labels';
import type { MemberRequest, StaffMemberRequest, TerminationReason } from './types';

/** The member request an approval request decides, read once per approval while the page lives. */
const byApproval = new Map<string, ShallowRef<StaffMemberRequest | null>>();

export function requestOfApproval(approvalId: string): ShallowRef<StaffMemberRequest | null> {
  let entry = byApproval.get(approvalId);
  if (!entry) {
    const created = shallowRef<StaffMemberRequest | null>(null);
    entry = created;
    byApproval.set(approvalId, created);
    unwrap(api.GET('/api/v1/member-requests', { params: { query: { approvalRequestId: approvalId } } }))
      .then((page) => (created.value = page.items[0] ?? null))
      .catch(() => byApproval.delete(approvalId));
  }
  return entry;
}

/** Forgets what was read (after a decision the request has moved on). */
export function forgetRequestOfApproval(approvalId: string): void {
  byApproval.delete(approvalId);
}

/** "+€40.00 per period" — the price effect of an upgrade, signed. */
export function priceEffectText(request: StaffMemberRequest): string | null {
  const effect = request.priceEffect;
  if (!effect) return null;
  const sign = effect.difference.amount > 0 ? '+' : effect.difference.amount < 0 ? '−' : '±';
  const difference = `${sign}${formatAmount({ ...effect.difference, amount: Math.abs(effect.difference.amount) })}`;
  return translate('requests.office.perPeriod', {
    from: formatMoney(effect.from),
    to: formatMoney(effect.to),
    difference,
  });
}

/** What a request asks, in a line: "From Basic to Plus, from your next renewal" / "Last day: Dec 6, 2027 · Moving away". */
export function requestSummaryText(request: MemberRequest): string {
  if (request.kind === 'upgrade')
    return `${translate('requests.list.upgradeSummary', { from: request.fromPlan.name, to: request.toPlan?.name ?? '' })}, ${
      request.effective === 'now' ? translate('requests.list.upgradeNow') : translate('requests.list.upgradeRenewal')
    }`;
  const reason = request.reason ? TERMINATION_REASON_LABELS[request.reason as TerminationReason] : '';
  return [
    request.endsOn ? translate('requests.list.terminationSummary', { date: formatLocalDate(request.endsOn) }) : '',
    reason,
  ]
    .filter(Boolean)
    .join(' · ');
}
