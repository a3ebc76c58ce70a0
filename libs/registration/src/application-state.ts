/** The life of an application. `submitted` is under review; the others are final. */
export const APPLICATION_STATUSES = ['submitted', 'approved', 'refused', 'cancelled'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const ALLOWED: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['approved', 'refused', 'cancelled'],
  approved: [],
  refused: [],
  cancelled: [],
};

/** The one rule deciding which status changes are allowed. */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function isFinal(status: ApplicationStatus): boolean {
  return ALLOWED[status].length === 0;
}

const VERB: Record<ApplicationStatus, string> = {
  submitted: 'submitted',
  approved: 'approved',
  refused: 'refused',
  cancelled: 'cancelled',
};

/** Why a change is refused, in words an officer understands (null when it is allowed). */
export function transitionRefusal(from: ApplicationStatus, to: ApplicationStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) return `This application is already ${VERB[from]}.`;
  if (isFinal(from)) return `This application was ${VERB[from]}; it can no longer be ${VERB[to]}.`;
  return `An application that is ${VERB[from]} cannot be ${VERB[to]}.`;
}
