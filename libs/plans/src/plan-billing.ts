import type { FieldErrorDto } from '@tessera/core';
import type { Plan } from './entities/plan.entity';
import type { BillingAnchor, CalendarAnchor, PeriodUnit } from './plans.types';

/**
 * What the subscription and billing domains need of a plan, in one read: the price, the period
 * and how it is anchored, the tax rate and the renewal lead. `calendarAnchor` is set exactly when
 * `billingAnchor` is `calendar`; `prorateFirstPeriod` is only ever true for calendar plans.
 */
export interface PlanBilling {
  id: string;
  name: string;
  price: { amount: number; currency: string };
  periodCount: number;
  periodUnit: PeriodUnit;
  graceDays: number;
  lapseDays: number;
  taxRateBps: number;
  billingAnchor: BillingAnchor;
  calendarAnchor: CalendarAnchor | null;
  prorateFirstPeriod: boolean;
  renewalLeadDays: number;
  active: boolean;
}

export function calendarAnchorOf(plan: Plan): CalendarAnchor | null {
  return plan.anchorMonth === null || plan.anchorDay === null ? null : { month: plan.anchorMonth, day: plan.anchorDay };
}

export function planBilling(plan: Plan): PlanBilling {
  return {
    id: plan.id,
    name: plan.name,
    price: { amount: plan.priceAmount, currency: plan.priceCurrency },
    periodCount: plan.periodCount,
    periodUnit: plan.periodUnit,
    graceDays: plan.graceDays,
    lapseDays: plan.lapseDays,
    taxRateBps: plan.taxRateBps,
    billingAnchor: plan.billingAnchor,
    calendarAnchor: calendarAnchorOf(plan),
    prorateFirstPeriod: plan.prorateFirstPeriod,
    renewalLeadDays: plan.renewalLeadDays,
    active: plan.active,
  };
}

/**
 * A calendar cycle repeats every year, so its period must divide a year: 1, 2, 3, 4, 6 or 12
 * months, or one year (a quarterly plan from 1 January renews on 1 April, 1 July, 1 October).
 */
export function periodDividesYear(count: number, unit: PeriodUnit): boolean {
  return unit === 'year' ? count === 1 : 12 % count === 0;
}

/** The anchoring a plan would have after a create or an update, as checked before saving. */
export interface AnchoringState {
  billingAnchor: BillingAnchor;
  calendarAnchor: CalendarAnchor | null;
  prorateFirstPeriod: boolean;
  period: { count: number; unit: PeriodUnit };
}

/** Why an anchoring is inconsistent, as field errors (the DB CHECK plans_calendar_anchor_check backs it). */
export function anchoringProblems(state: AnchoringState): FieldErrorDto[] {
  if (state.billingAnchor === 'join-date') {
    return [
      ...(state.calendarAnchor
        ? [{ field: 'calendarAnchor', message: 'must be null unless billingAnchor is calendar' }]
        : []),
      ...(state.prorateFirstPeriod ? [{ field: 'prorateFirstPeriod', message: 'applies to calendar plans only' }] : []),
    ];
  }
  return [
    ...(state.calendarAnchor ? [] : [{ field: 'calendarAnchor', message: 'is required for a calendar plan' }]),
    ...(periodDividesYear(state.period.count, state.period.unit)
      ? []
      : [
          { field: 'period', message: 'must divide a year for a calendar plan: 1, 2, 3, 4, 6 or 12 months, or 1 year' },
        ]),
  ];
}
