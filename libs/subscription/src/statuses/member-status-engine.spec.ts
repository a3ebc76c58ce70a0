import { canTransition, type MemberStatus } from '@tessera/members';
import { addDays } from '../periods';
import {
  memberStatusAsOf,
  type StatusDocument,
  type StatusInput,
  type StatusSubscription,
} from './member-status-engine';

const SUB = 'sub-1';

function subscription(overrides: Partial<StatusSubscription> = {}): StatusSubscription {
  return {
    id: SUB,
    state: 'active',
    startDate: '2026-01-01',
    currentPeriodStart: '2026-01-01',
    currentPeriodEnd: '2026-12-31',
    endsOn: null,
    endReason: null,
    graceDays: 30,
    lapseDays: 60,
    ...overrides,
  };
}

function invoice(number: string, start: string, end: string, settledOn: string | null): StatusDocument {
  return { number, subscriptionId: SUB, period: { start, end }, issueDate: start, settledOn };
}

const FIRST_PAID = invoice('INV-2026-000001', '2026-01-01', '2026-12-31', '2026-01-03');
const RENEWAL_UNPAID = invoice('INV-2026-000090', '2027-01-01', '2027-12-31', null);

/** Active, first year paid on 3 Jan 2026, renewal unpaid; 30 grace days, lapse after 60 more. */
const lapsing: StatusInput = { subscriptions: [subscription()], documents: [FIRST_PAID, RENEWAL_UNPAID] };

describe('memberStatusAsOf: the rule table', () => {
  it('Non-member: a member record that never had a subscription', () => {
    expect(memberStatusAsOf({ subscriptions: [], documents: [] }, '2026-05-01')).toMatchObject({
      status: 'non-member',
      reason: { code: 'no-subscription' },
      reasonText: 'No subscription',
    });
  });

  it('Non-member: only a subscription cancelled before it started', () => {
    const input: StatusInput = {
      subscriptions: [subscription({ state: 'cancelled', endReason: 'Invoice INV-2026-000001 credited: duplicate' })],
      documents: [],
    };
    expect(memberStatusAsOf(input, '2026-05-01')).toMatchObject({
      status: 'non-member',
      reasonText: 'Subscription cancelled before it started: Invoice INV-2026-000001 credited: duplicate',
    });
  });

  it('Upcoming: a pending subscription whose first invoice is not settled', () => {
    const input: StatusInput = {
      subscriptions: [subscription({ state: 'pending' })],
      documents: [invoice('INV-2026-000001', '2026-01-01', '2026-12-31', null)],
    };
    expect(memberStatusAsOf(input, '2026-01-02')).toMatchObject({
      status: 'upcoming',
      reason: { code: 'awaiting-payment', params: { document: 'INV-2026-000001', issuedOn: '2026-01-01' } },
      reasonText: 'INV-2026-000001 issued on 1 Jan 2026, not paid yet',
    });
    // Time alone never moves an Upcoming member.
    expect(memberStatusAsOf(input, '2030-01-01').status).toBe('upcoming');
  });

  it('Member: today inside a period whose invoice is settled, from the day it was paid', () => {
    expect(memberStatusAsOf(lapsing, '2026-01-03')).toMatchObject({
      status: 'member',
      reason: { code: 'paid', params: { document: 'INV-2026-000001', paidOn: '2026-01-03', through: '2026-12-31' } },
      reasonText: 'INV-2026-000001 paid on 3 Jan 2026',
    });
    // The day before it was paid, as of then, it was not.
    expect(memberStatusAsOf(lapsing, '2026-01-02').status).toBe('upcoming');
  });

  it('In grace period: the last settled period ended, the next unpaid, within the grace days', () => {
    expect(memberStatusAsOf(lapsing, '2027-01-01')).toMatchObject({
      status: 'in-grace',
      reason: { code: 'in-grace', params: { periodEnd: '2026-12-31', graceEnd: '2027-01-30', graceDays: 30 } },
      reasonText: 'Membership period ended on 31 Dec 2026; grace period until 30 Jan 2027',
    });
    expect(memberStatusAsOf(lapsing, '2027-01-30').status).toBe('in-grace');
  });

  it('Suspended: grace over and the next period still unpaid', () => {
    expect(memberStatusAsOf(lapsing, '2027-01-31')).toMatchObject({
      status: 'suspended',
      reason: { code: 'grace-ended', params: { periodEnd: '2026-12-31', graceDays: 30 } },
      reasonText: 'Grace period ended 30 days after 31 Dec 2026',
      lapsed: false,
    });
    expect(memberStatusAsOf(lapsing, '2027-03-31').status).toBe('suspended');
  });

  it('Ex-member: suspended for longer than the lapse days (the subscription ends)', () => {
    expect(memberStatusAsOf(lapsing, '2027-04-01')).toMatchObject({
      status: 'ex-member',
      reason: { code: 'lapsed', params: { graceEnd: '2027-01-30', lapseDays: 60 } },
      reasonText: 'Suspended for more than 60 days after the grace period ended on 30 Jan 2027',
      lapsed: true,
    });
  });

  it('Ex-member: the subscription ended (declined, terminated, ended by staff) once its end date has passed', () => {
    const declined: StatusInput = {
      subscriptions: [subscription({ endsOn: '2026-12-31', endReason: 'Renewal PRO-2026-000004 declined' })],
      documents: [FIRST_PAID],
    };
    expect(memberStatusAsOf(declined, '2026-12-31').status).toBe('member');
    expect(memberStatusAsOf(declined, '2027-01-01')).toMatchObject({
      status: 'ex-member',
      reason: { code: 'ended', params: { endsOn: '2026-12-31' } },
      reasonText: 'Membership ended on 31 Dec 2026: Renewal PRO-2026-000004 declined',
      lapsed: false,
    });
    const endedByStaff: StatusInput = {
      subscriptions: [subscription({ state: 'ended', endsOn: '2026-06-15', endReason: 'Moved abroad' })],
      documents: [FIRST_PAID],
    };
    expect(memberStatusAsOf(endedByStaff, '2026-06-15').status).toBe('member');
    expect(memberStatusAsOf(endedByStaff, '2026-06-16').status).toBe('ex-member');
  });

  it('a zero grace period suspends the day after the period; zero lapse days end it the day after grace', () => {
    const noGrace: StatusInput = { ...lapsing, subscriptions: [subscription({ graceDays: 0, lapseDays: 0 })] };
    expect(memberStatusAsOf(noGrace, '2026-12-31').status).toBe('member');
    expect(memberStatusAsOf(noGrace, '2027-01-01').status).toBe('ex-member');
    const noGraceLapse10: StatusInput = { ...lapsing, subscriptions: [subscription({ graceDays: 0, lapseDays: 10 })] };
    expect(memberStatusAsOf(noGraceLapse10, '2027-01-01').status).toBe('suspended');
    expect(memberStatusAsOf(noGraceLapse10, '2027-01-10').status).toBe('suspended');
    expect(memberStatusAsOf(noGraceLapse10, '2027-01-11').status).toBe('ex-member');
  });
});

describe('memberStatusAsOf: money', () => {
  it('settling the next period makes a suspended member a Member again, through its end', () => {
    const paidLate: StatusInput = {
      ...lapsing,
      documents: [FIRST_PAID, { ...RENEWAL_UNPAID, settledOn: '2027-02-20' }],
    };
    expect(memberStatusAsOf(paidLate, '2027-02-19').status).toBe('suspended');
    expect(memberStatusAsOf(paidLate, '2027-02-20')).toMatchObject({
      status: 'member',
      reasonText: 'INV-2026-000090 paid on 20 Feb 2027',
    });
    expect(memberStatusAsOf(paidLate, '2027-12-31').status).toBe('member');
    expect(memberStatusAsOf(paidLate, '2028-01-01').status).toBe('in-grace');
  });

  it('periods paid ahead count only without a gap; the reason names the invoice of the period', () => {
    const ahead: StatusInput = {
      ...lapsing,
      documents: [
        FIRST_PAID,
        { ...RENEWAL_UNPAID, settledOn: '2026-11-01' },
        invoice('INV-2026-000091', '2028-01-01', '2028-12-31', '2026-11-01'),
      ],
    };
    expect(memberStatusAsOf(ahead, '2028-06-01')).toMatchObject({
      status: 'member',
      reason: { params: { document: 'INV-2026-000091', through: '2028-12-31' } },
    });
    const gap: StatusInput = {
      ...lapsing,
      documents: [FIRST_PAID, invoice('INV-2026-000091', '2028-01-01', '2028-12-31', '2026-11-01')],
    };
    expect(memberStatusAsOf(gap, '2027-01-05').status).toBe('in-grace');
  });
});

describe('memberStatusAsOf: the calendar', () => {
  it('29 February: a period ending on a leap day, and grace running across it', () => {
    const leap: StatusInput = {
      subscriptions: [
        subscription({
          startDate: '2027-03-01',
          currentPeriodStart: '2027-03-01',
          currentPeriodEnd: '2028-02-29',
          graceDays: 1,
          lapseDays: 1,
        }),
      ],
      documents: [invoice('INV-2027-000031', '2027-03-01', '2028-02-29', '2027-01-03')],
    };
    expect(memberStatusAsOf(leap, '2028-02-29')).toMatchObject({
      status: 'member',
      reasonText: 'INV-2027-000031 paid on 3 Jan 2027',
    });
    expect(memberStatusAsOf(leap, '2028-03-01')).toMatchObject({
      status: 'in-grace',
      reason: { params: { graceEnd: '2028-03-01' } },
    });
    expect(memberStatusAsOf(leap, '2028-03-02').status).toBe('suspended');
    expect(memberStatusAsOf(leap, '2028-03-03').status).toBe('ex-member');
    const acrossLeapDay: StatusInput = {
      ...lapsing,
      subscriptions: [subscription({ currentPeriodEnd: '2028-02-27', graceDays: 2 })],
      documents: [invoice('INV-2027-000031', '2027-02-28', '2028-02-27', '2027-02-28')],
    };
    expect(memberStatusAsOf(acrossLeapDay, '2028-02-29').status).toBe('in-grace');
    expect(memberStatusAsOf(acrossLeapDay, '2028-03-01').status).toBe('suspended');
  });

  it('the last day of a period is still a Member day; the next is grace', () => {
    expect(memberStatusAsOf(lapsing, '2026-12-31').status).toBe('member');
    expect(memberStatusAsOf(lapsing, '2027-01-01').status).toBe('in-grace');
  });
});

describe('memberStatusAsOf: an admin override', () => {
  const override = { status: 'member' as const, basis: 'suspended' as const, reason: 'Paid in cash at the AGM' };

  it('holds while the engine still says what it overrode', () => {
    expect(memberStatusAsOf({ ...lapsing, override }, '2027-02-15')).toMatchObject({
      status: 'member',
      reason: { code: 'overridden', params: { reason: 'Paid in cash at the AGM', engineStatus: 'suspended' } },
      reasonText: 'Set by hand: Paid in cash at the AGM (until the next payment or date event)',
    });
  });

  it('gives way at the next date event (lapse) or money event (payment)', () => {
    expect(memberStatusAsOf({ ...lapsing, override }, '2027-04-01').status).toBe('ex-member');
    const paid = { ...lapsing, documents: [FIRST_PAID, { ...RENEWAL_UNPAID, settledOn: '2027-02-20' }], override };
    expect(memberStatusAsOf(paid, '2027-02-20')).toMatchObject({ status: 'member', reason: { code: 'paid' } });
  });
});

describe('memberStatusAsOf: transitions over time are all legal', () => {
  function walk(input: StatusInput, from: string, days: number): MemberStatus[] {
    const seen: MemberStatus[] = [];
    for (let day = 0; day <= days; day += 1) {
      const { status } = memberStatusAsOf(input, addDays(from, day));
      if (seen[seen.length - 1] !== status) seen.push(status);
    }
    return seen;
  }

  it.each<[string, StatusInput, MemberStatus[]]>([
    ['unpaid renewal, then lapse', lapsing, ['upcoming', 'member', 'in-grace', 'suspended', 'ex-member']],
    [
      'paid in grace',
      { ...lapsing, documents: [FIRST_PAID, { ...RENEWAL_UNPAID, settledOn: '2027-01-10' }] },
      ['upcoming', 'member', 'in-grace', 'member', 'in-grace', 'suspended', 'ex-member'],
    ],
    [
      'paid while suspended',
      { ...lapsing, documents: [FIRST_PAID, { ...RENEWAL_UNPAID, settledOn: '2027-03-01' }] },
      ['upcoming', 'member', 'in-grace', 'suspended', 'member', 'in-grace', 'suspended', 'ex-member'],
    ],
    [
      'declined renewal',
      { subscriptions: [subscription({ endsOn: '2026-12-31', endReason: 'declined' })], documents: [FIRST_PAID] },
      ['upcoming', 'member', 'ex-member'],
    ],
    [
      'first invoice paid after its period ended',
      {
        subscriptions: [subscription()],
        documents: [invoice('INV-2026-000001', '2026-01-01', '2026-12-31', '2027-01-20')],
      },
      ['upcoming', 'in-grace', 'suspended', 'ex-member'],
    ],
  ])('%s', (_name, input, expected) => {
    const statuses = walk(input, '2026-01-01', 900);
    expect(statuses).toEqual(expected);
    for (let i = 1; i < statuses.length; i += 1) expect(canTransition(statuses[i - 1], statuses[i])).toBe(true);
  });
});
