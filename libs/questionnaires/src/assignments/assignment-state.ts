/** An assignment's life: assigned (pending) → a draft saved (draft) → submitted, which is final. */
export const ASSIGNMENT_STATES = ['pending', 'draft', 'submitted'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

export type AssignmentEvent = 'save-draft' | 'submit';

const TRANSITIONS: Record<AssignmentState, Partial<Record<AssignmentEvent, AssignmentState>>> = {
  pending: { 'save-draft': 'draft', submit: 'submitted' },
  draft: { 'save-draft': 'draft', submit: 'submitted' },
  submitted: {},
};

/** The state after the event, or null when the event is not allowed in that state. */
export function nextAssignmentState(state: AssignmentState, event: AssignmentEvent): AssignmentState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** Live assignments still owe answers; at most one per member and questionnaire. */
export function isLive(state: AssignmentState): boolean {
  return state !== 'submitted';
}
