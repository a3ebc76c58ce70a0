import type { Schemas, TesseraClient } from '@tessera/api-client';
import { DataSource } from 'typeorm';
import {
  addDays,
  changeAt,
  monthAt,
  seedDocument,
  seedMemberWithHistory,
  seedPayment,
  seedSubscription,
  todayIn,
} from '../support/dashboard-seed';
import { personApplication } from '../support/applications';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Dashboard = Schemas['DashboardDto'];
type Counts = Partial<Record<Schemas['StatusCountDto']['status'], number>>;

const STATUSES = ['non-member', 'upcoming', 'member', 'in-grace', 'suspended', 'ex-member'] as const;
/** Every status with its count (0 unless given), as the API lists them. */
const counts = (given: Counts) => STATUSES.map((status) => ({ status, count: given[status] ?? 0 }));

/**
 * GET /dashboard over HTTP on known data: members whose status history spans 13 months, payments in
 * several months and two currencies (one reversed, one in the future), documents of every kind
 * and state, subscriptions ending in and out of the next 30 days, applications (one cancelled, one
 * older than 30 days) with their approval requests. Every figure is asserted exactly.
 */
describe('dashboard (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let adminToken: string;
  let approver: StaffSession;
  let db: DataSource;
  let planId: string;
  let today: string;
  const member: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    admin = authorized(stack, adminToken);
    approver = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    planId = await createYearlyPlan(admin, { code: 'dash', name: 'Individual', approvalFlowId: flow.data!.id });
    db = stack.api.get(DataSource);
    const settings = await admin.GET('/api/v1/settings/organisation');
    today = todayIn(settings.data!.timeZone);
  });
  afterAll(() => stack.stop());

  it('is all zeros for a fresh organisation, with 12 months to chart', async () => {
    const { data, response } = await approver.client.GET('/api/v1/dashboard');
    expect(response.status).toBe(200);
    const dashboard = data!;
    expect(dashboard).toMatchObject({
      asOf: today,
      members: { total: 0, byStatus: counts({}) },
      applications: { inReview: 0, recent: 0 },
      approvals: { pending: 0 },
      renewals: { due: 0, from: today, to: addDays(today, 29) },
      revenue: { thisMonth: [], thisYear: [] },
      amountDue: { invoices: 0, amounts: [] },
    });
    expect(dashboard.statusHistory.map((month) => month.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthAt(today, i - 11)),
    );
    expect(dashboard.statusHistory.every((month) => month.counts.every((row) => row.count === 0))).toBe(true);
    expect(dashboard.revenueByMonth.every((month) => month.amounts.length === 0)).toBe(true);
  });

  it('is for staff only', async () => {
    const anonymous = await fetch(`${stack.baseUrl}/api/v1/dashboard`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
  });

  it('counts members by status, now and at the end of each of the last 12 months, from the history', async () => {
    const at = (offset: number, minute?: number) => changeAt(today, offset, minute);
    member.alice = await seedMemberWithHistory(db, planId, 'Alice', [
      { status: 'upcoming', at: at(-5) },
      { status: 'member', at: at(-4) },
    ]);
    member.bob = await seedMemberWithHistory(db, planId, 'Bob', [
      { status: 'upcoming', at: at(-3, 0) },
      { status: 'member', at: at(-3, 30) },
      { status: 'in-grace', at: at(-1) },
      { status: 'suspended', at: at(0) },
    ]);
    member.chloe = await seedMemberWithHistory(db, planId, 'Chloe', [{ status: 'member', at: at(-13) }]);
    member.david = await seedMemberWithHistory(db, planId, 'David', [
      { status: 'member', at: at(-13) },
      { status: 'ex-member', at: at(-6) },
    ]);
    member.emma = await seedMemberWithHistory(db, planId, 'Emma', [{ status: 'non-member', at: at(-2) }]);
    member.farid = await seedMemberWithHistory(db, planId, 'Farid', [{ status: 'upcoming', at: at(0) }]);
    member.gina = await seedMemberWithHistory(db, planId, 'Gina', [
      { status: 'member', at: at(-13) },
      { status: 'in-grace', at: at(0, 10) },
    ]);

    const dashboard = (await approver.client.GET('/api/v1/dashboard')).data!;
    expect(dashboard.members).toEqual({
      total: 7,
      byStatus: counts({ member: 2, upcoming: 1, 'in-grace': 1, suspended: 1, 'ex-member': 1, 'non-member': 1 }),
    });
    const expected: Record<number, Counts> = {
      [-11]: { member: 3 },
      [-10]: { member: 3 },
      [-9]: { member: 3 },
      [-8]: { member: 3 },
      [-7]: { member: 3 },
      [-6]: { member: 2, 'ex-member': 1 },
      [-5]: { member: 2, upcoming: 1, 'ex-member': 1 },
      [-4]: { member: 3, 'ex-member': 1 },
      [-3]: { member: 4, 'ex-member': 1 },
      [-2]: { member: 4, 'ex-member': 1, 'non-member': 1 },
      [-1]: { member: 3, 'in-grace': 1, 'ex-member': 1, 'non-member': 1 },
      0: { member: 2, upcoming: 1, 'in-grace': 1, suspended: 1, 'ex-member': 1, 'non-member': 1 },
    };
    expect(dashboard.statusHistory).toEqual(
      Array.from({ length: 12 }, (_, i) => {
        const offset = i - 11;
        const month = monthAt(today, offset);
        const [year, number] = month.split('-').map(Number);
        const lastDay = new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
        return { month, asOf: offset === 0 ? today : lastDay, counts: counts(expected[offset]) };
      }),
    );
  });

  it('sums revenue this month, this year and by month per currency, and what invoices still owe', async () => {
    const mid = (offset: number) => `${monthAt(today, offset)}-15`;
    await seedPayment(db, member.alice, { amount: 10000, currency: 'EUR', paidOn: today });
    await seedPayment(db, member.bob, { amount: 2550, currency: 'EUR', paidOn: `${today.slice(0, 7)}-01` });
    await seedPayment(db, member.bob, { amount: 99999, currency: 'EUR', paidOn: today, reversed: true });
    await seedPayment(db, member.chloe, { amount: 5000, currency: 'EUR', paidOn: mid(-1) });
    await seedPayment(db, member.chloe, { amount: 3000, currency: 'USD', paidOn: mid(-2) });
    await seedPayment(db, member.gina, { amount: 4000, currency: 'EUR', paidOn: mid(-11) });
    await seedPayment(db, member.david, { amount: 7000, currency: 'EUR', paidOn: mid(-12) });
    await seedPayment(db, member.alice, { amount: 1, currency: 'EUR', paidOn: addDays(today, 1) });

    await seedDocument(db, member.alice, {
      kind: 'invoice',
      state: 'open',
      currency: 'EUR',
      gross: 7260,
      allocated: 0,
    });
    await seedDocument(db, member.bob, {
      kind: 'invoice',
      state: 'partially-paid',
      currency: 'EUR',
      gross: 7260,
      allocated: 3000,
    });
    await seedDocument(db, member.chloe, {
      kind: 'invoice',
      state: 'open',
      currency: 'USD',
      gross: 5000,
      allocated: 0,
    });
    await seedDocument(db, member.chloe, {
      kind: 'invoice',
      state: 'paid',
      currency: 'EUR',
      gross: 6000,
      allocated: 6000,
    });
    await seedDocument(db, member.gina, {
      kind: 'invoice',
      state: 'credited',
      currency: 'EUR',
      gross: 900,
      allocated: 0,
    });
    await seedDocument(db, member.gina, {
      kind: 'pro-forma',
      state: 'open',
      currency: 'EUR',
      gross: 6000,
      allocated: 0,
    });

    const dashboard = (await approver.client.GET('/api/v1/dashboard')).data!;
    const inThisYear = (offset: number) => monthAt(today, offset).slice(0, 4) === today.slice(0, 4);
    const yearEur = 12550 + (inThisYear(-1) ? 5000 : 0) + (inThisYear(-11) ? 4000 : 0);
    expect(dashboard.revenue).toEqual({
      monthStart: `${today.slice(0, 7)}-01`,
      yearStart: `${today.slice(0, 4)}-01-01`,
      thisMonth: [{ amount: 12550, currency: 'EUR' }],
      thisYear: [{ amount: yearEur, currency: 'EUR' }, ...(inThisYear(-2) ? [{ amount: 3000, currency: 'USD' }] : [])],
    });
    const byMonth = Object.fromEntries(dashboard.revenueByMonth.map((month) => [month.month, month.amounts]));
    expect(byMonth).toEqual(
      Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => {
          const offset = i - 11;
          const amounts =
            offset === 0
              ? [{ amount: 12550, currency: 'EUR' }]
              : offset === -1
                ? [{ amount: 5000, currency: 'EUR' }]
                : offset === -2
                  ? [{ amount: 3000, currency: 'USD' }]
                  : offset === -11
                    ? [{ amount: 4000, currency: 'EUR' }]
                    : [];
          return [monthAt(today, offset), amounts];
        }),
      ),
    );
    expect(dashboard.revenueByMonth[11]).toMatchObject({ from: `${today.slice(0, 7)}-01`, to: today });
    expect(dashboard.amountDue).toEqual({
      invoices: 3,
      amounts: [
        { amount: 7260 + 4260, currency: 'EUR' },
        { amount: 5000, currency: 'USD' },
      ],
    });
  });

  it('counts renewals due in the next 30 days: active subscriptions, not ending, whose period ends then', async () => {
    await seedSubscription(db, member.alice, planId, { state: 'active', periodEnd: today });
    await seedSubscription(db, member.bob, planId, { state: 'active', periodEnd: addDays(today, 29) });
    await seedSubscription(db, member.chloe, planId, { state: 'active', periodEnd: addDays(today, 30) });
    await seedSubscription(db, member.gina, planId, { state: 'active', periodEnd: addDays(today, -1) });
    await seedSubscription(db, member.farid, planId, { state: 'pending', periodEnd: addDays(today, 5) });
    await seedSubscription(db, member.emma, planId, {
      state: 'active',
      periodEnd: addDays(today, 5),
      endsOn: addDays(today, 5),
    });
    await seedSubscription(db, member.david, planId, {
      state: 'ended',
      periodEnd: addDays(today, 3),
      endsOn: addDays(today, 3),
    });
    const dashboard = (await approver.client.GET('/api/v1/dashboard')).data!;
    expect(dashboard.renewals).toEqual({ due: 2, from: today, to: addDays(today, 29) });
  });

  it('counts applications in review and of the last 30 days, and pending approval requests', async () => {
    const submit = async (firstName: string) => {
      const body = JSON.parse(
        personApplication(planId, { firstName, lastName: 'Applicant', email: uniqueEmail(firstName) }).value as string,
      ) as unknown;
      const response = await fetch(`${stack.baseUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    await submit('Hugo');
    const old = await submit('Iris');
    const cancelled = await submit('Jade');
    await stack.intakesSettled();
    const cancel = await admin.POST('/api/v1/applications/{id}/cancel', {
      params: { path: { id: cancelled } },
      body: { reason: 'Sent twice' },
    });
    expect(cancel.response.status).toBe(200);
    await db.query(`UPDATE applications SET submitted_at = now() - interval '40 days' WHERE id = $1`, [old]);

    const dashboard: Dashboard = (await approver.client.GET('/api/v1/dashboard')).data!;
    const since = addDays(new Date().toISOString().slice(0, 10), -29);
    expect(dashboard.applications).toEqual({ inReview: 2, recent: 2, since });
    expect(dashboard.approvals).toEqual({ pending: 2 });
    // The link's filter finds the same applications.
    const listed = await admin.GET('/api/v1/applications', { params: { query: { submittedFrom: since } } });
    expect(listed.data!.total).toBe(2);
  });
});
