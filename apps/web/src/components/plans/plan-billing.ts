import type { CreatePlanBody, Plan, PlanPeriod } from '@/api/types';
import { keyed } from '@/i18n/translate';
import { bpsToPercent, percentToBps } from '@/utils/tax-rate';
import type { Validator } from '@/utils/validation';

/** The billing group of the plan dialog, as typed: the tax rate is a percentage string. */
export type PlanBillingModel = {
  taxRate: string;
  anchor: Plan['billingAnchor'];
  /** The calendar anchor; kept while join-date is chosen, so switching back does not lose it. */
  month: number;
  day: number;
  prorate: boolean;
  renewalLeadDays: number | null;
};

type BillingBody = Pick<
  CreatePlanBody,
  'taxRateBps' | 'billingAnchor' | 'calendarAnchor' | 'prorateFirstPeriod' | 'renewalLeadDays'
>;

export function billingModelOf(plan: Plan | null): PlanBillingModel {
  return {
    taxRate: bpsToPercent(plan?.taxRateBps ?? 0),
    anchor: plan?.billingAnchor ?? 'join-date',
    month: plan?.calendarAnchor?.month ?? 1,
    day: plan?.calendarAnchor?.day ?? 1,
    prorate: plan?.prorateFirstPeriod ?? false,
    renewalLeadDays: plan?.renewalLeadDays ?? 30,
  };
}

/** What the API takes; the calendar fields only for a calendar plan. */
export function billingBody(model: PlanBillingModel): BillingBody {
  const parsed = percentToBps(model.taxRate);
  const calendar = model.anchor === 'calendar';
  return {
    taxRateBps: parsed.ok ? parsed.bps : 0,
    billingAnchor: model.anchor,
    calendarAnchor: calendar ? { month: model.month, day: model.day } : null,
    prorateFirstPeriod: calendar && model.prorate,
    renewalLeadDays: model.renewalLeadDays ?? 30,
  };
}

/** The server's rule: a calendar cycle repeats every year, so its period divides a year. */
export function periodDividesYear(period: { count: number | null; unit: PlanPeriod['unit'] }): boolean {
  if (period.count === null) return true;
  return period.unit === 'year' ? period.count === 1 : 12 % period.count === 0;
}

export const validTaxRate: Validator<unknown> = (value) => {
  const parsed = percentToBps(typeof value === 'string' ? value : '');
  return parsed.ok ? null : keyed(`plans.form.billing.taxRateInvalid.${parsed.reason}`);
};

/** The API's field names for the billing fields → the dialog's paths. */
const SERVER_FIELDS: Record<string, string> = {
  taxRateBps: 'billing.taxRate',
  billingAnchor: 'billing.anchor',
  calendarAnchor: 'billing.month',
  'calendarAnchor.month': 'billing.month',
  'calendarAnchor.day': 'billing.day',
  prorateFirstPeriod: 'billing.prorate',
  renewalLeadDays: 'billing.renewalLeadDays',
  period: 'period.count',
};

export function billingServerField(field: string): string {
  return SERVER_FIELDS[field] ?? field;
}
