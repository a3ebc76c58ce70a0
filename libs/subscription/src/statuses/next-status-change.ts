import { addDays, type LocalDate } from '../periods';
import type { SubscriptionState } from '../subscription-state';

/**
 * `subscriptions.next_status_change_on`: the first local date on which time alone may change
 * the member's status through this subscription — the day after the paid period, after grace,
 * after the lapse days, or after its end date. The daily sweep reads only the subscriptions whose
 * date has come (an index range scan), and after examining one moves its date on to the next such
 * day (`advancedStatusChangeSql`). The date may be early, never late: an early one costs the next
 * sweep one look, a late one would miss a change.
 */

/**
 * The earliest day anything can change with time, whatever the plan's days: what every write of
 * a subscription stores (in its transaction), so the next sweep looks at it again. Pending and
 * cancelled subscriptions never move with time (the sweep reads only active and ended ones).
 */
export function firstStatusChangeOn(subscription: {
  state: SubscriptionState;
  currentPeriodEnd: LocalDate;
  endsOn: LocalDate | null;
}): LocalDate | null {
  const { state, currentPeriodEnd, endsOn } = subscription;
  if (state === 'active') return addDays(endsOn !== null && endsOn < currentPeriodEnd ? endsOn : currentPeriodEnd, 1);
  if (state === 'ended' && endsOn !== null) return addDays(endsOn, 1);
  return null;
}

/** `firstStatusChangeOn` in SQL, for set-based writes (`s` the subscription's alias). */
export function firstStatusChangeSql(s: string): string {
  return `CASE ${s}.state WHEN 'active' THEN least(${s}.current_period_end, ${s}.ends_on) + 1
                        WHEN 'ended' THEN ${s}.ends_on + 1 END`;
}

/**
 * The first day after `after` on which time changes what the sweep's rule says of subscription
 * `s` on plan `p` (null: never again) — the days the rule's comparisons turn on: paid period over,
 * grace over, lapse days over, end date passed (after which nothing changes).
 */
export function advancedStatusChangeSql(s: string, p: string, after: string): string {
  return `CASE ${s}.state
      WHEN 'active' THEN (SELECT min(day) FROM unnest(ARRAY[${s}.current_period_end + 1,
                                                          ${s}.current_period_end + ${p}.grace_days + 1,
                                                          ${s}.current_period_end + ${p}.grace_days + ${p}.lapse_days + 1,
                                                          ${s}.ends_on + 1]) day
                           WHERE day > ${after} AND (${s}.ends_on IS NULL OR day <= ${s}.ends_on + 1))
      WHEN 'ended' THEN CASE WHEN ${s}.ends_on + 1 > ${after} THEN ${s}.ends_on + 1 END
    END`;
}
