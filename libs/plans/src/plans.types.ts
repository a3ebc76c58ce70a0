/** Shared vocabulary of plans; registration and later domains use these names too. */
export const APPLICANT_KINDS = ['individual', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const PERIOD_UNITS = ['month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
