import {
  ASSIGNMENT_STATUSES,
  assignmentMoveRefusal,
  canMoveAssignment,
  canMoveLevel,
  canMoveRequest,
  LEVEL_STATUSES,
  levelMoveRefusal,
  levelOutcome,
  REQUEST_STATUSES,
  requestMoveRefusal,
  type AssignmentStatus,
  type LevelStatus,
  type RequestStatus,
} from './approval-state';

const pairs = <S extends string>(statuses: readonly S[]) =>
  statuses.flatMap((from) => statuses.map((to) => [from, to] as [S, S]));
const isIn = <S extends string>(legal: [S, S][], from: S, to: S) => legal.some(([a, b]) => a === from && b === to);

describe('request states', () => {
  const LEGAL: [RequestStatus, RequestStatus][] = [
    ['pending', 'approved'],
    ['pending', 'refused'],
    ['pending', 'cancelled'],
  ];

  it('allows exactly pending → approved | refused | cancelled among all 16 pairs', () => {
    expect(pairs(REQUEST_STATUSES).filter(([from, to]) => canMoveRequest(from, to))).toEqual(LEGAL);
  });

  it.each(pairs(REQUEST_STATUSES).filter(([from, to]) => !isIn(LEGAL, from, to)))(
    'refuses %s → %s with a reason',
    (from, to) => {
      expect(requestMoveRefusal(from, to)).toMatch(/^This approval request (is already|was)/);
    },
  );

  it('explains a refusal in plain words', () => {
    expect(requestMoveRefusal('pending', 'approved')).toBeNull();
    expect(requestMoveRefusal('approved', 'refused')).toBe(
      'This approval request was approved; it can no longer be refused.',
    );
    expect(requestMoveRefusal('cancelled', 'cancelled')).toBe('This approval request is already cancelled.');
  });
});

describe('level states', () => {
  const LEGAL: [LevelStatus, LevelStatus][] = [
    ['waiting', 'open'],
    ['open', 'approved'],
    ['open', 'refused'],
    ['open', 'cancelled'],
  ];

  it('allows exactly waiting → open → approved | refused | cancelled among all 25 pairs', () => {
    expect(pairs(LEVEL_STATUSES).filter(([from, to]) => canMoveLevel(from, to))).toEqual(LEGAL);
  });

  it.each(pairs(LEVEL_STATUSES).filter(([from, to]) => !isIn(LEGAL, from, to)))(
    'refuses %s → %s with a reason',
    (from, to) => {
      expect(levelMoveRefusal(from, to)).toEqual(expect.any(String));
    },
  );

  it('says a waiting level has not opened, and a closed one is closed', () => {
    expect(levelMoveRefusal('waiting', 'approved')).toBe('This level has not opened yet.');
    expect(levelMoveRefusal('approved', 'open')).toBe('This level is already approved; it can no longer become open.');
  });
});

describe('assignment states', () => {
  const LEGAL: [AssignmentStatus, AssignmentStatus][] = [
    ['pending', 'approved'],
    ['pending', 'refused'],
    ['pending', 'reassigned'],
    ['pending', 'withdrawn'],
  ];

  it('allows exactly pending → approved | refused | reassigned | withdrawn among all 25 pairs', () => {
    expect(pairs(ASSIGNMENT_STATUSES).filter(([from, to]) => canMoveAssignment(from, to))).toEqual(LEGAL);
  });

  it.each(pairs(ASSIGNMENT_STATUSES).filter(([from, to]) => !isIn(LEGAL, from, to)))(
    'refuses %s → %s with a reason',
    (from, to) => {
      expect(assignmentMoveRefusal(from, to)).toEqual(expect.any(String));
    },
  );

  it('tells an approver why a second decision is refused', () => {
    expect(assignmentMoveRefusal('approved', 'approved')).toBe('You have already approved this level.');
    expect(assignmentMoveRefusal('refused', 'approved')).toBe('You have already refused this request.');
    expect(assignmentMoveRefusal('withdrawn', 'approved')).toBe(
      'Your decision is no longer needed: this level was already completed.',
    );
    expect(assignmentMoveRefusal('reassigned', 'refused')).toBe(
      'You have reassigned your decision on this level to someone else.',
    );
  });
});

describe('level progression', () => {
  it.each<[string, AssignmentStatus[], string]>([
    ['nobody decided', ['pending', 'pending'], 'open'],
    ['one of two approved', ['approved', 'pending'], 'approved'],
    ['the only assignee approved', ['approved'], 'approved'],
    ['one approved after a reassignment', ['reassigned', 'approved'], 'approved'],
    ['one refused', ['pending', 'refused'], 'refused'],
    ['no assignee at all', [], 'open'],
  ])('any: %s → %s', (_, statuses, outcome) => {
    expect(levelOutcome('any', statuses)).toBe(outcome);
  });

  it.each<[string, AssignmentStatus[], string]>([
    ['nobody decided', ['pending', 'pending'], 'open'],
    ['one of two approved', ['approved', 'pending'], 'open'],
    ['both approved', ['approved', 'approved'], 'approved'],
    [
      'the reassigned one is replaced by its new assignee, still pending',
      ['approved', 'reassigned', 'pending'],
      'open',
    ],
    ['the new assignee approved too', ['approved', 'reassigned', 'approved'], 'approved'],
    ['one refused after another approved', ['approved', 'refused'], 'refused'],
    ['no assignee at all', [], 'open'],
  ])('all: %s → %s', (_, statuses, outcome) => {
    expect(levelOutcome('all', statuses)).toBe(outcome);
  });
});
