import type { LocalDate } from '@tessera/core';
import type { MemberStatus } from '@tessera/members';
import { addDays } from '@tessera/subscription';

/** What a card's validity is decided from, read when it is checked (never stored on the card). */
export interface CardStanding {
  /** The member's status as the status engine keeps it. */
  status: MemberStatus;
  /** The last day of the live subscription's current period; null without a live subscription. */
  periodEnd: LocalDate | null;
  /** The last day of membership when the subscription is ending (terminated, renewal declined). */
  endsOn: LocalDate | null;
  /** The plan's grace days: an In-grace member is still a member for that long after the period. */
  graceDays: number;
}

export type CardValidity = { valid: true; validUntil: LocalDate } | { valid: false };

const NOT_VALID: CardValidity = { valid: false };

/**
 * Whether a membership card is good today, and until when. Only Members and members In grace
 * hold a valid card: until the end of their paid period (In grace: plus the plan's grace days),
 * never past the day the membership ends. A date already past means the status engine has not
 * moved the member yet: not valid either, rather than "valid until yesterday".
 */
export function cardValidity(standing: CardStanding, today: LocalDate): CardValidity {
  if (standing.periodEnd === null) return NOT_VALID;
  let until: LocalDate;
  if (standing.status === 'member') until = standing.periodEnd;
  else if (standing.status === 'in-grace') until = addDays(standing.periodEnd, standing.graceDays);
  else return NOT_VALID;
  if (standing.endsOn !== null && standing.endsOn < until) until = standing.endsOn;
  return until < today ? NOT_VALID : { valid: true, validUntil: until };
}

/** A change into these means the membership ended: a card issued before it is never valid again. */
const ENDING_STATUSES: readonly MemberStatus[] = ['ex-member', 'non-member'];

/**
 * Whether the membership ended since the card was issued (a status change into Ex-member or
 * Non-member at or after `issuedAt`): such a card stays revoked even if the member rejoins.
 */
export function endedSince(history: readonly { to: MemberStatus; at: string }[], issuedAt: Date): boolean {
  return history.some((change) => ENDING_STATUSES.includes(change.to) && Date.parse(change.at) >= issuedAt.getTime());
}
