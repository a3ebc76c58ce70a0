/**
 * The life of a member's request (issue 17): `pending` while its approval request is open; then
 * `approved` or `refused` by staff, `withdrawn` by the member, or `cancelled` by staff. All four
 * are final. One pending request of each kind per member (a partial unique index).
 */
export const MEMBER_REQUEST_KINDS = ['upgrade', 'termination'] as const;
export type MemberRequestKind = (typeof MEMBER_REQUEST_KINDS)[number];

export const MEMBER_REQUEST_STATES = ['pending', 'approved', 'refused', 'withdrawn', 'cancelled'] as const;
export type MemberRequestState = (typeof MEMBER_REQUEST_STATES)[number];

const ALLOWED: Record<MemberRequestState, readonly MemberRequestState[]> = {
  pending: ['approved', 'refused', 'withdrawn', 'cancelled'],
  approved: [],
  refused: [],
  withdrawn: [],
  cancelled: [],
};

export function canMoveRequest(from: MemberRequestState, to: MemberRequestState): boolean {
  return ALLOWED[from].includes(to);
}

const DONE: Record<Exclude<MemberRequestState, 'pending'>, string> = {
  approved: 'This request was approved',
  refused: 'This request was refused',
  withdrawn: 'This request was withdrawn',
  cancelled: 'This request was cancelled by staff',
};

const VERBS: Record<MemberRequestState, string> = {
  pending: 'reopened',
  approved: 'approved',
  refused: 'refused',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
};

/** Why a request cannot move (null when it can), in words a member understands: the 409's detail. */
export function requestMoveRefusal(from: MemberRequestState, to: MemberRequestState): string | null {
  if (canMoveRequest(from, to)) return null;
  if (from === 'pending') return `A pending request cannot be ${VERBS[to]}.`;
  if (from === to) return `${DONE[from]} already.`;
  return `${DONE[from]}; it can no longer be ${VERBS[to]}.`;
}
