import type { ApprovalPolicy } from './approval.types';

/**
 * The three life cycles of the approval engine, each decided by one table, and the rule that
 * says when a level is complete. Illegal changes come back as a sentence for a 409.
 */

/** A request: `pending` while levels are open; the others are final. */
export const REQUEST_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A level: `waiting` until the one before completes, `open` while it collects decisions. */
export const LEVEL_STATUSES = ['waiting', 'open', 'approved', 'refused', 'cancelled'] as const;
export type LevelStatus = (typeof LEVEL_STATUSES)[number];

/**
 * One approver's part on one level. `reassigned`: handed to someone else; `withdrawn`: no longer
 * needed (another approver completed the level, an administrator decided for it, or the request
 * closed).
 */
export const ASSIGNMENT_STATUSES = ['pending', 'approved', 'refused', 'reassigned', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

const REQUEST_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  pending: ['approved', 'refused', 'cancelled'],
  approved: [],
  refused: [],
  cancelled: [],
};

const LEVEL_MOVES: Record<LevelStatus, readonly LevelStatus[]> = {
  waiting: ['open'],
  open: ['approved', 'refused', 'cancelled'],
  approved: [],
  refused: [],
  cancelled: [],
};

const ASSIGNMENT_MOVES: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  pending: ['approved', 'refused', 'reassigned', 'withdrawn'],
  approved: [],
  refused: [],
  reassigned: [],
  withdrawn: [],
};

export const canMoveRequest = (from: RequestStatus, to: RequestStatus) => REQUEST_MOVES[from].includes(to);
export const canMoveLevel = (from: LevelStatus, to: LevelStatus) => LEVEL_MOVES[from].includes(to);
export const canMoveAssignment = (from: AssignmentStatus, to: AssignmentStatus) => ASSIGNMENT_MOVES[from].includes(to);

const REQUEST_WORDS: Record<RequestStatus, string> = {
  pending: 'pending',
  approved: 'approved',
  refused: 'refused',
  cancelled: 'cancelled',
};

/** Why a request cannot move (null when it can), in words staff understand. */
export function requestMoveRefusal(from: RequestStatus, to: RequestStatus): string | null {
  if (canMoveRequest(from, to)) return null;
  if (from === to) return `This approval request is already ${REQUEST_WORDS[from]}.`;
  return `This approval request was ${REQUEST_WORDS[from]}; it can no longer be ${REQUEST_WORDS[to]}.`;
}

/** Why a level cannot move (null when it can). */
export function levelMoveRefusal(from: LevelStatus, to: LevelStatus): string | null {
  if (canMoveLevel(from, to)) return null;
  if (from === 'waiting') return 'This level has not opened yet.';
  if (from === 'open') return `An open level cannot become ${to}.`;
  return `This level is already ${from}; it can no longer become ${to}.`;
}

const ASSIGNMENT_DONE: Record<Exclude<AssignmentStatus, 'pending'>, string> = {
  approved: 'You have already approved this level.',
  refused: 'You have already refused this request.',
  reassigned: 'You have reassigned your decision on this level to someone else.',
  withdrawn: 'Your decision is no longer needed: this level was already completed.',
};

/** Why an assignment cannot move (null when it can): the 409 a second decision gets. */
export function assignmentMoveRefusal(from: AssignmentStatus, to: AssignmentStatus): string | null {
  if (canMoveAssignment(from, to)) return null;
  if (from === 'pending') return `A pending assignment cannot become ${to}.`;
  return ASSIGNMENT_DONE[from];
}

/**
 * Where a level stands from its assignments' statuses: a refusal refuses it; `any` completes with
 * the first approval; `all` with every assignee's (those reassigned or withdrawn are not counted:
 * a reassignment is replaced by the new assignee's own assignment).
 */
export type LevelOutcome = 'open' | 'approved' | 'refused';

export function levelOutcome(policy: ApprovalPolicy, statuses: readonly AssignmentStatus[]): LevelOutcome {
  if (statuses.includes('refused')) return 'refused';
  const counted = statuses.filter((status) => status === 'pending' || status === 'approved');
  const approvals = counted.filter((status) => status === 'approved').length;
  if (policy === 'any') return approvals > 0 ? 'approved' : 'open';
  return counted.length > 0 && approvals === counted.length ? 'approved' : 'open';
}
