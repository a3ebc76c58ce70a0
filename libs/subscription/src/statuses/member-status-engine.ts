import type { MemberStatus } from '@tessera/members';
import { addDays, daysBetween, type LocalDate } from '../periods';
import type { SubscriptionState } from '../subscription-state';
import { statusReasonText, type StatusReason } from './status-reason';

/** A subscription as the engine reads it, with its plan's grace and lapse days. */
export interface StatusSubscription {
  id: string;
  state: SubscriptionState;
  startDate: LocalDate;
  /** The period it covers now: for an active subscription the last settled one (see the listener). */
  currentPeriodStart: LocalDate;
  currentPeriodEnd: LocalDate;
  /** Its last day of membership, once known (a declined renewal, a termination, an end by staff). */
  endsOn: LocalDate | null;
  endReason: string | null;
  graceDays: number;
  lapseDays: number;
}

/** An invoice billing a subscription's period, settled or not. */
export interface StatusDocument {
  number: string;
  subscriptionId: string;
  period: { start: LocalDate; end: LocalDate } | null;
  issueDate: LocalDate;
  /** Local date (organisation's time zone) it was paid in full; null while it is not. */
  settledOn: LocalDate | null;
}

/** An admin's hand-set status and the engine's verdict when it was set. */
export interface StatusOverride {
  status: MemberStatus;
  /** What the engine said then: the override holds while the engine still says so. */
  basis: MemberStatus;
  reason: string;
}

export interface StatusInput {
  subscriptions: StatusSubscription[];
  documents: StatusDocument[];
  override?: StatusOverride | null;
}

export interface StatusVerdict {
  status: MemberStatus;
  reason: StatusReason;
  /** The reason in English words (history rows, the API); the SPA words `reason` in French. */
  reasonText: string;
  /** The subscription that decided, if any. */
  subscriptionId: string | null;
  /** A lapse: the subscription ends for good (the sweep ends it, the reason recorded). */
  lapsed: boolean;
}

/**
 * The member's status on `asOf` (a local date in the organisation's time zone), from their
 * subscriptions and invoices — product §8 and issue 16's table, in order:
 *
 * - no subscription that ever started or is waiting to: Non-member;
 * - the deciding subscription (the live one, else the latest ended) ended and its end date passed: Ex-member;
 * - nothing of it settled by `asOf`: Upcoming;
 * - `asOf` within the settled periods (paid through their end): Member;
 * - at most the plan's grace days after that end: In grace period;
 * - more than the lapse days after grace ended: Ex-member (lapse; the subscription ends);
 * - otherwise: Suspended (settling the next period makes them Member again).
 *
 * Payments count from the day they were settled, so a past `asOf` answers what it was then. An
 * admin's override holds while the engine's own verdict is still the one it overrode.
 */
export function memberStatusAsOf(input: StatusInput, asOf: LocalDate): StatusVerdict {
  const computed = computedStatus(input, asOf);
  const override = input.override;
  if (override && override.basis === computed.status && override.status !== computed.status)
    return verdict(
      override.status,
      { code: 'overridden', params: { reason: override.reason, engineStatus: computed.status } },
      computed.subscriptionId,
    );
  return computed;
}

function computedStatus({ subscriptions, documents }: StatusInput, asOf: LocalDate): StatusVerdict {
  const deciding = decidingSubscription(subscriptions);
  if (!deciding) {
    const cancelled = latest(subscriptions.filter((s) => s.state === 'cancelled'));
    return cancelled
      ? verdict('non-member', { code: 'cancelled', params: { endReason: cancelled.endReason ?? '' } }, cancelled.id)
      : verdict('non-member', { code: 'no-subscription', params: {} }, null);
  }
  const id = deciding.id;
  if (deciding.endsOn !== null && asOf > deciding.endsOn)
    return verdict(
      'ex-member',
      { code: 'ended', params: { endsOn: deciding.endsOn, endReason: deciding.endReason ?? '' } },
      id,
    );
  const own = documents.filter((document) => document.subscriptionId === id && document.period !== null);
  const paid = settledChain(own, asOf);
  if (!paid) {
    const first = [...own].sort((a, b) => (a.period!.start < b.period!.start ? -1 : 1))[0];
    return verdict(
      'upcoming',
      first
        ? { code: 'awaiting-payment', params: { document: first.number, issuedOn: first.issueDate } }
        : { code: 'awaiting-payment', params: { document: '', issuedOn: deciding.startDate } },
      id,
    );
  }
  if (asOf <= paid.through)
    return verdict(
      'member',
      { code: 'paid', params: { document: paid.by.number, paidOn: paid.by.settledOn!, through: paid.through } },
      id,
    );
  const graceEnd = addDays(paid.through, deciding.graceDays);
  if (asOf <= graceEnd)
    return verdict(
      'in-grace',
      { code: 'in-grace', params: { periodEnd: paid.through, graceEnd, graceDays: deciding.graceDays } },
      id,
    );
  if (daysBetween(graceEnd, asOf) > deciding.lapseDays)
    return {
      ...verdict('ex-member', { code: 'lapsed', params: { graceEnd, lapseDays: deciding.lapseDays } }, id),
      lapsed: true,
    };
  return verdict(
    'suspended',
    { code: 'grace-ended', params: { periodEnd: paid.through, graceDays: deciding.graceDays } },
    id,
  );
}

/** The live subscription (one at most), else the latest that started and ended; cancelled ones never count. */
export function decidingSubscription(subscriptions: StatusSubscription[]): StatusSubscription | undefined {
  return (
    subscriptions.find((s) => s.state === 'pending' || s.state === 'active') ??
    latest(subscriptions.filter((s) => s.state === 'ended'))
  );
}

function latest(subscriptions: StatusSubscription[]): StatusSubscription | undefined {
  return [...subscriptions].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))[0];
}

/**
 * How far the periods settled by `asOf` reach without a gap from the earliest, and the invoice
 * that settled the period `asOf` falls in (or the last one, when `asOf` is past them all).
 */
function settledChain(documents: StatusDocument[], asOf: LocalDate): { through: LocalDate; by: StatusDocument } | null {
  const settled = documents
    .filter((document) => document.settledOn !== null && document.settledOn <= asOf)
    .sort((a, b) => (a.period!.start < b.period!.start ? -1 : a.period!.start > b.period!.start ? 1 : 0));
  if (settled.length === 0) return null;
  let through = settled[0].period!.end;
  let by = settled[0];
  for (const document of settled.slice(1)) {
    const period = document.period!;
    if (period.start > addDays(through, 1)) break;
    if (period.end > through) through = period.end;
    if (period.start <= asOf) by = document;
  }
  return { through, by };
}

function verdict(status: MemberStatus, reason: StatusReason, subscriptionId: string | null): StatusVerdict {
  return { status, reason, reasonText: statusReasonText(reason), subscriptionId, lapsed: false };
}
