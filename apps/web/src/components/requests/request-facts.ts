import { shallowRef, type ShallowRef } from 'vue';
import { api } from '@/api/client';
import { unwrap } from '@/api/problem';
import { translate } from '@/i18n/translate';
import { formatAmount, formatMoney } from '@/utils/money';
import type { StaffMemberRequest } from './types';

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
