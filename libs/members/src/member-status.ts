/**
 * A member's status (product §8), computed by the status engine (libs/subscription/src/statuses)
 * from subscriptions, invoices and dates; whoever moves it goes through `transitionRefusal` and
 * records the change.
 */
export const MEMBER_STATUSES = ['non-member', 'upcoming', 'member', 'in-grace', 'suspended', 'ex-member'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Where a member record starts: approved (or ordered), registration invoiced, not yet paid. */
export const INITIAL_MEMBER_STATUS: MemberStatus = 'upcoming';

const ALLOWED: Record<MemberStatus, readonly MemberStatus[]> = {
  // No membership (e.g. a registration invoice cancelled): joins again, or pays straight away.
  'non-member': ['upcoming', 'member'],
  // Registration invoiced: paid, cancelled, or terminated before paying; paid only after its
  // period (and maybe its grace) had already ended.
  upcoming: ['member', 'non-member', 'ex-member', 'in-grace', 'suspended'],
  // Period over unpaid: grace; with a plan of 0 grace days straight to suspended; or leaves.
  member: ['in-grace', 'suspended', 'ex-member'],
  // Paying returns them; grace over suspends them.
  'in-grace': ['member', 'suspended', 'ex-member'],
  suspended: ['member', 'ex-member'],
  // Rejoins through a new application or order.
  'ex-member': ['upcoming', 'member'],
};

/** The one rule deciding which status changes are allowed. */
export function canTransition(from: MemberStatus, to: MemberStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** The names staff see (product §8). */
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = {
  'non-member': 'Non-member',
  upcoming: 'Upcoming',
  member: 'Member',
  'in-grace': 'In grace period',
  suspended: 'Suspended',
  'ex-member': 'Ex-member',
};

/** Why a change is refused, in words staff understand (null when it is allowed). */
export function transitionRefusal(from: MemberStatus, to: MemberStatus): string | null {
  if (canTransition(from, to)) return null;
  const [fromLabel, toLabel] = [MEMBER_STATUS_LABELS[from], MEMBER_STATUS_LABELS[to]];
  if (from === to) return `This member's status is already "${fromLabel}".`;
  return `A member's status cannot go from "${fromLabel}" to "${toLabel}".`;
}
