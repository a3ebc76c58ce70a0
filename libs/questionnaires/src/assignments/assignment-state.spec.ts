import { ASSIGNMENT_STATES, isLive, nextAssignmentState, type AssignmentEvent } from './assignment-state';

describe('assignment states', () => {
  it.each([
    ['pending', 'save-draft', 'draft'],
    ['pending', 'submit', 'submitted'],
    ['draft', 'save-draft', 'draft'],
    ['draft', 'submit', 'submitted'],
  ] as const)('%s --%s--> %s', (from, event, to) => {
    expect(nextAssignmentState(from, event)).toBe(to);
  });

  it.each(['save-draft', 'submit'] as AssignmentEvent[])('refuses %s once submitted', (event) => {
    expect(nextAssignmentState('submitted', event)).toBeNull();
  });

  it('calls live every state but submitted', () => {
    expect(ASSIGNMENT_STATES.filter(isLive)).toEqual(['pending', 'draft']);
  });
});
