import {
  APPLICATION_STATUSES,
  canTransition,
  isFinal,
  transitionRefusal,
  type ApplicationStatus,
} from './application-state';

const LEGAL: [ApplicationStatus, ApplicationStatus][] = [
  ['submitted', 'approved'],
  ['submitted', 'refused'],
  ['submitted', 'cancelled'],
];
const isLegal = (from: ApplicationStatus, to: ApplicationStatus) => LEGAL.some(([a, b]) => a === from && b === to);
const ALL_PAIRS = APPLICATION_STATUSES.flatMap((from) => APPLICATION_STATUSES.map((to) => [from, to] as const));

describe('application states', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(transitionRefusal(from, to)).toBeNull();
  });

  it.each(ALL_PAIRS.filter(([from, to]) => !isLegal(from, to)))('refuses %s → %s with a reason', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(transitionRefusal(from, to)).toEqual(expect.stringMatching(/^This application|^An application/));
  });

  it('checks all 16 pairs: exactly the three legal ones are allowed', () => {
    expect(ALL_PAIRS).toHaveLength(16);
    expect(ALL_PAIRS.filter(([from, to]) => canTransition(from, to))).toEqual(LEGAL);
  });

  it('treats approved, refused and cancelled as final', () => {
    expect(APPLICATION_STATUSES.filter(isFinal)).toEqual(['approved', 'refused', 'cancelled']);
  });

  it('explains refusals in plain words', () => {
    expect(transitionRefusal('cancelled', 'cancelled')).toBe('This application is already cancelled.');
    expect(transitionRefusal('approved', 'cancelled')).toBe(
      'This application was approved; it can no longer be cancelled.',
    );
    expect(transitionRefusal('submitted', 'submitted')).toBe('This application is already submitted.');
  });
});
