import {
  canMoveRequest,
  MEMBER_REQUEST_STATES,
  requestMoveRefusal,
  type MemberRequestState,
} from './member-request-state';

const LEGAL: [MemberRequestState, MemberRequestState][] = [
  ['pending', 'approved'],
  ['pending', 'refused'],
  ['pending', 'withdrawn'],
  ['pending', 'cancelled'],
];

describe('member request states', () => {
  it.each(LEGAL)('%s → %s is allowed', (from, to) => {
    expect(canMoveRequest(from, to)).toBe(true);
    expect(requestMoveRefusal(from, to)).toBeNull();
  });

  const illegal = MEMBER_REQUEST_STATES.flatMap((from) =>
    MEMBER_REQUEST_STATES.filter((to) => !LEGAL.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as [MemberRequestState, MemberRequestState],
    ),
  );

  it.each(illegal)('%s → %s is refused with a sentence', (from, to) => {
    expect(canMoveRequest(from, to)).toBe(false);
    expect(requestMoveRefusal(from, to)).toMatch(/^(This request was|A pending request)/);
  });

  it('says what happened in the words a member reads', () => {
    expect(requestMoveRefusal('approved', 'withdrawn')).toBe(
      'This request was approved; it can no longer be withdrawn.',
    );
    expect(requestMoveRefusal('withdrawn', 'withdrawn')).toBe('This request was withdrawn already.');
    expect(requestMoveRefusal('refused', 'approved')).toBe('This request was refused; it can no longer be approved.');
    expect(illegal).toHaveLength(21);
  });
});
