import {
  canTransition,
  INITIAL_MEMBER_STATUS,
  MEMBER_STATUSES,
  transitionRefusal,
  type MemberStatus,
} from './member-status';

const LEGAL: [MemberStatus, MemberStatus][] = [
  ['non-member', 'upcoming'],
  ['non-member', 'member'],
  ['upcoming', 'non-member'],
  ['upcoming', 'member'],
  ['upcoming', 'in-grace'],
  ['upcoming', 'suspended'],
  ['upcoming', 'ex-member'],
  ['member', 'in-grace'],
  ['member', 'suspended'],
  ['member', 'ex-member'],
  ['in-grace', 'member'],
  ['in-grace', 'suspended'],
  ['in-grace', 'ex-member'],
  ['suspended', 'member'],
  ['suspended', 'ex-member'],
  ['ex-member', 'upcoming'],
  ['ex-member', 'member'],
];
const isLegal = (from: MemberStatus, to: MemberStatus) => LEGAL.some(([a, b]) => a === from && b === to);
const ALL_PAIRS = MEMBER_STATUSES.flatMap((from) => MEMBER_STATUSES.map((to) => [from, to] as const));

describe('member statuses', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal(from, to)).toBeNull();
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !isLegal(from, to)))('refuses %s → %s with a reason', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toEqual(
      expect.stringMatching(/^This member's status is already |^A member's status cannot go from /),
    );
  });

  it('checks all 36 pairs: exactly the seventeen legal ones are allowed', () => {
    expect(ALL_PAIRS).toHaveLength(36);
    expect(ALL_PAIRS.filter(([from, to]) => canTransition(from, to))).toEqual(LEGAL);
  });

  it('never leaves a status unchanged by a "transition"', () => {
    for (const status of MEMBER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('starts new members as upcoming, from where they can become members', () => {
    expect(INITIAL_MEMBER_STATUS).toBe('upcoming');
    expect(canTransition(INITIAL_MEMBER_STATUS, 'member')).toBe(true);
  });

  it('explains refusals in plain words', () => {
    expect(transitionRefusal('member', 'member')).toBe('This member\'s status is already "Member".');
    expect(transitionRefusal('suspended', 'in-grace')).toBe(
      'A member\'s status cannot go from "Suspended" to "In grace period".',
    );
  });
});
