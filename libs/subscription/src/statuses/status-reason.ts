import type { MemberStatus } from '@tessera/members';

/**
 * Why a member has their status, as a code and its values: the server words it in English
 * (`statusReasonText`, kept in the history), the SPA words the same code in the reader's language.
 * Dates are local dates `YYYY-MM-DD`.
 */
export type StatusReason =
  | { code: 'no-subscription'; params: Record<string, never> }
  | { code: 'cancelled'; params: { endReason: string } }
  | { code: 'awaiting-payment'; params: { document: string; issuedOn: string } }
  | { code: 'paid'; params: { document: string; paidOn: string; through: string } }
  | { code: 'in-grace'; params: { periodEnd: string; graceEnd: string; graceDays: number } }
  | { code: 'grace-ended'; params: { periodEnd: string; graceDays: number } }
  | { code: 'lapsed'; params: { graceEnd: string; lapseDays: number } }
  | { code: 'ended'; params: { endsOn: string; endReason: string } }
  | { code: 'overridden'; params: { reason: string; engineStatus: MemberStatus } };

export type StatusReasonCode = StatusReason['code'];
export const STATUS_REASON_CODES: readonly StatusReasonCode[] = [
  'no-subscription',
  'cancelled',
  'awaiting-payment',
  'paid',
  'in-grace',
  'grace-ended',
  'lapsed',
  'ended',
  'overridden',
];

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 3 Jan 2027. */
export function formatReasonDate(date: string): string {
  return DAY.format(new Date(`${date}T00:00:00Z`));
}

const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;

/** The reason in English words: "INV-2027-000031 paid on 3 Jan 2027". */
export function statusReasonText(reason: StatusReason): string {
  switch (reason.code) {
    case 'no-subscription':
      return 'No subscription';
    case 'cancelled':
      return `Subscription cancelled before it started${reason.params.endReason ? `: ${reason.params.endReason}` : ''}`;
    case 'awaiting-payment':
      return reason.params.document
        ? `${reason.params.document} issued on ${formatReasonDate(reason.params.issuedOn)}, not paid yet`
        : 'First invoice not paid yet';
    case 'paid':
      return `${reason.params.document} paid on ${formatReasonDate(reason.params.paidOn)}`;
    case 'in-grace':
      return `Membership period ended on ${formatReasonDate(reason.params.periodEnd)}; grace period until ${formatReasonDate(reason.params.graceEnd)}`;
    case 'grace-ended':
      return `Grace period ended ${days(reason.params.graceDays)} after ${formatReasonDate(reason.params.periodEnd)}`;
    case 'lapsed':
      return `Suspended for more than ${days(reason.params.lapseDays)} after the grace period ended on ${formatReasonDate(reason.params.graceEnd)}`;
    case 'ended':
      return `Membership ended on ${formatReasonDate(reason.params.endsOn)}${reason.params.endReason ? `: ${reason.params.endReason}` : ''}`;
    case 'overridden':
      return `Set by hand: ${reason.params.reason} (until the next payment or date event)`;
  }
}
