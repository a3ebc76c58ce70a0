/** Shared vocabulary of plans; registration and later domains use these names too. */
export const APPLICANT_KINDS = ['individual', 'organisation'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const PERIOD_UNITS = ['month', 'year'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** The most supporting documents a plan may require: the application form takes ten. */
export const MAX_REQUIRED_DOCUMENTS = 10;

/**
 * When a plan's periods run: `join-date` from the day the membership starts; `calendar` on a
 * fixed cycle from an anchor date in each year (every yearly membership renews on 1 January).
 */
export const BILLING_ANCHORS = ['join-date', 'calendar'] as const;
export type BillingAnchor = (typeof BILLING_ANCHORS)[number];

/** A calendar plan's anchor date in each year; the day stops at 28 so every month has it. */
export interface CalendarAnchor {
  month: number;
  day: number;
}

/** The largest tax rate in basis points (10000 = 100 %). */
export const MAX_TAX_RATE_BPS = 10_000;

/** Default days before a period ends that its renewal pro-forma is issued. */
export const DEFAULT_RENEWAL_LEAD_DAYS = 30;

/** Days a member may stay suspended before they lapse into an ex-member (issue 16). */
export const DEFAULT_LAPSE_DAYS = 90;
export const MAX_LAPSE_DAYS = 3650;
