/** Shared vocabulary of plans; registration and later domains use these names too. */
export const APPLICANT_KINDS = ['individual', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const PERIOD_UNITS = ['month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The most supporting documents a plan may require: the application form takes ten. */
export const MAX_REQUIRED_DOCUMENTS = 10;
