import type { PlanBilling } from '@tessera/plans';
import { planChangeRefusal } from './plan-change-rules';

const plan = (id: string, amount: number, changes: Partial<PlanBilling> = {}): PlanBilling => ({
  id,
  name: `Plan ${id}`,
  price: { amount, currency: 'EUR' },
  periodCount: 1,
  periodUnit: 'year',
  graceDays: 30,
  lapseDays: 90,
  taxRateBps: 0,
  billingAnchor: 'join-date',
  calendarAnchor: null,
  prorateFirstPeriod: false,
  renewalLeadDays: 30,
  active: true,
  ...changes,
});

describe('planChangeRefusal', () => {
  const basic = plan('basic', 6000);
  it('allows a higher price now or at renewal, and a lower one at renewal only', () => {
    expect(planChangeRefusal(basic, plan('plus', 10000), 'now')).toBeNull();
    expect(planChangeRefusal(basic, plan('plus', 10000), 'renewal')).toBeNull();
    expect(planChangeRefusal(basic, plan('same', 6000), 'now')).toBeNull();
    expect(planChangeRefusal(basic, plan('light', 3000), 'renewal')).toBeNull();
    expect(planChangeRefusal(basic, plan('light', 3000), 'now')).toMatch(/at your next renewal only/);
  });

  it('refuses the same plan, an inactive plan, another currency or another cycle', () => {
    expect(planChangeRefusal(basic, basic, 'renewal')).toMatch(/already on this plan/);
    expect(planChangeRefusal(basic, plan('old', 9000, { active: false }), 'renewal')).toMatch(/no longer offered/);
    expect(planChangeRefusal(basic, plan('usd', 9000, { price: { amount: 9000, currency: 'USD' } }), 'now')).toMatch(
      /another currency/,
    );
    expect(planChangeRefusal(basic, plan('monthly', 900, { periodUnit: 'month' }), 'renewal')).toMatch(/another cycle/);
    expect(
      planChangeRefusal(
        basic,
        plan('calendar', 9000, { billingAnchor: 'calendar', calendarAnchor: { month: 1, day: 1 } }),
        'renewal',
      ),
    ).toMatch(/another cycle/);
  });
});
