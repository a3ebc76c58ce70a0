/** Why a member ends their membership: the list the portal offers (plus free text). */
export const TERMINATION_REASONS = ['moving', 'cost', 'not-using', 'retiring', 'dissatisfied', 'other'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];

/** The reason as staff read it (e-mails, the subscription's history). */
export const TERMINATION_REASON_WORDS: Record<TerminationReason, string> = {
  moving: 'Moving away',
  cost: 'Too expensive',
  'not-using': 'Not using the membership',
  retiring: 'Retiring or leaving the profession',
  dissatisfied: 'Not satisfied',
  other: 'Other',
};
