import type { Schemas, TesseraClient } from '@tessera/api-client';
import { Clock } from '@tessera/core';
import { solveCaptcha, waitUntil, type SinkMessage } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Summary = Schemas['BillingDocumentSummaryDto'];

/** A local date `days` after another (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Member statuses over HTTP, with the API's and the worker's clocks moved by the test (a spy on
 * the one Clock each process has; nothing in the product can move it): Marie applies, is approved
 * (Starting soon), pays (Member); her year ends unpaid (In grace, e-mailed), grace ends
 * (Suspended, e-mailed); she pays her renewal (Member). Paul declines his renewal and is an
 * Ex-member the day after his period, with a farewell.
 */
describe('member statuses (API over HTTP, worker, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let approver: StaffSession;
  let olga: StaffSession;
  let fiona: StaffSession;
  let planId: string;
  let now = Date.now();

  beforeAll(async () => {
    stack = await startStack();
    for (const app of [stack.api, stack.worker])
      jest.spyOn(app.get(Clock, { strict: false }), 'now').mockImplementation(() => new Date(now));
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    approver = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    fiona = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'statuses',
        name: 'Individual membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        graceDays: 10,
        lapseDays: 20,
        approvalFlowId: flow.data!.id,
      },
    });
    expect(plan.data).toMatchObject({ graceDays: 10, lapseDays: 20 });
    planId = plan.data!.id;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await stack.stop();
  });

  /**
   * The organisation's clock (Europe/Brussels) at noon on a local date. Sessions expire by the
   * same clock, so staff sign in again at the new time.
   */
  async function setToday(date: string): Promise<void> {
    now = new Date(`${date}T11:00:00Z`).getTime();
    const signIn = async (body: { email: string; password: string }) => {
      const session = await stack.client.POST('/api/v1/auth/login', { body });
      expect(session.response.status).toBe(200);
      return authorized(stack, session.data!.accessToken);
    };
    admin = await signIn(ADMIN);
    for (const staff of [olga, fiona]) staff.client = await signIn({ email: staff.email, password: staff.password });
  }

  async function applyAndApprove(firstName: string, email: string): Promise<string> {
    const answer = await postApplication(stack.baseUrl, [
      personApplication(planId, { firstName, lastName: 'Curie', email }),
      { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
      { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
    ]);
    expect(answer.status).toBe(201);
    const application = answer.body as { id: string };
    await stack.intakesSettled();
    const request = await admin.GET('/api/v1/approvals', {
      params: { query: { subjectType: 'application', subjectId: application.id } },
    });
    await approver.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: request.data!.items[0].id } },
      body: {},
    });
    const detail = await admin.GET('/api/v1/applications/{id}', { params: { path: { id: application.id } } });
    return detail.data!.memberId!;
  }

  const documentsOf = async (memberId: string): Promise<Summary[]> =>
    (await admin.GET('/api/v1/invoices', { params: { query: { memberId } } })).data!.items;

  async function pay(memberId: string, document: Summary): Promise<void> {
    const paid = await fiona.client.POST('/api/v1/payments', {
      body: {
        memberId,
        amount: document.amountDue,
        method: 'bank-transfer',
        date: new Date(now).toISOString().slice(0, 10),
        allocations: [{ documentId: document.id, amount: document.amountDue.amount }],
      },
    });
    expect(paid.response.status).toBe(201);
  }

  const status = async (memberId: string, asOf?: string) => {
    const answer = await olga.client.GET('/api/v1/members/{id}/status', {
      params: { path: { id: memberId }, query: asOf ? { asOf } : {} },
    });
    expect(answer.response.status).toBe(200);
    return answer.data!;
  };

  /** Admin's "run now", followed until the worker is done. */
  async function sweep(): Promise<Schemas['StatusSweepDto']> {
    const started = await admin.POST('/api/v1/status-sweeps');
    expect(started.response.status).toBe(202);
    const id = started.data!.id;
    return waitUntil(
      async () => {
        const got = (await olga.client.GET('/api/v1/status-sweeps/{id}', { params: { path: { id } } })).data!;
        if (got.state === 'failed') throw new Error(`The sweep failed: ${got.error}`);
        return got.state === 'done' && got;
      },
      { timeoutMs: 20_000, description: `status sweep ${id} to be done` },
    );
  }

  const mailTo = (to: string, subject: RegExp): Promise<SinkMessage> =>
    stack.sink.waitFor((message) => message.to.includes(to) && subject.test(message.subject), {
      description: `the e-mail ${subject} to ${to}`,
      timeoutMs: 20_000,
    });

  it('follows money and time: Starting soon → Member → In grace → Suspended → Member; a declined renewal ends as Ex-member', async () => {
    const start = new Date(now).toISOString().slice(0, 10);
    await setToday(start);
    const marie = { email: uniqueEmail('marie'), id: '' };
    const paul = { email: uniqueEmail('paul'), id: '' };
    marie.id = await applyAndApprove('Marie', marie.email);
    paul.id = await applyAndApprove('Paul', paul.email);
    expect(await status(marie.id)).toMatchObject({
      status: 'upcoming',
      current: 'upcoming',
      reason: { code: 'awaiting-payment' },
    });

    for (const member of [marie, paul]) await pay(member.id, (await documentsOf(member.id))[0]);
    const paid = await status(marie.id);
    expect(paid).toMatchObject({ status: 'member', current: 'member', reason: { code: 'paid' } });
    expect(paid.reason.text).toMatch(/^INV-\d{4}-\d{6} paid on /);
    const [subscription] = (
      await olga.client.GET('/api/v1/subscriptions', { params: { query: { memberId: marie.id } } })
    ).data!.items;
    const periodEnd = subscription.currentPeriod.end;
    // As of a date: the day after the period, and after grace, without moving anything.
    expect(await status(marie.id, addDays(periodEnd, 1))).toMatchObject({ status: 'in-grace', current: 'member' });
    expect(await status(marie.id, addDays(periodEnd, 11))).toMatchObject({ status: 'suspended' });
    expect(await status(marie.id, addDays(periodEnd, 32))).toMatchObject({
      status: 'ex-member',
      reason: { code: 'lapsed' },
    });

    // Renewals are issued 30 days ahead; Paul declines his.
    await setToday(addDays(periodEnd, -30));
    const run = await olga.client.POST('/api/v1/renewal-runs', { body: {} });
    await waitUntil(
      async () =>
        (await olga.client.GET('/api/v1/renewal-runs/{id}', { params: { path: { id: run.data!.id } } })).data!.state ===
        'done',
      { timeoutMs: 20_000, description: 'the renewal run' },
    );
    const proFormaOf = async (memberId: string) =>
      (await documentsOf(memberId)).find((document) => document.kind === 'pro-forma')!;
    const declined = await olga.client.POST('/api/v1/invoices/{id}/decline', {
      params: { path: { id: (await proFormaOf(paul.id)).id } },
      body: { reason: 'Moving abroad' },
    });
    expect(declined.response.status).toBe(200);
    expect(await status(paul.id)).toMatchObject({ status: 'member' });

    // The day after the period: Marie in grace (e-mailed), Paul an ex-member (farewell).
    await setToday(addDays(periodEnd, 1));
    expect(await sweep()).toMatchObject({ changed: 2, changes: { 'in-grace': 1, 'ex-member': 1 } });
    expect(await status(marie.id)).toMatchObject({
      current: 'in-grace',
      status: 'in-grace',
      reason: { code: 'in-grace' },
    });
    const graceMail = await mailTo(marie.email, /^Your membership ended on .+: renew before /);
    expect(graceMail.text).toContain('Renew before');
    expect(await status(paul.id)).toMatchObject({ current: 'ex-member', reason: { code: 'ended' } });
    expect((await status(paul.id)).reason.text).toMatch(
      /^Membership ended on .+: Renewal PRO-\d{4}-\d{6} declined: Moving abroad$/,
    );
    await mailTo(paul.email, /^Thank you for having been a member$/);
    // The same day again: nobody moves, no e-mail.
    expect(await sweep()).toMatchObject({ changed: 0, examined: 0 });

    // Past grace: suspended, with its notice.
    await setToday(addDays(periodEnd, 11));
    expect(await sweep()).toMatchObject({ changed: 1, changes: { suspended: 1 } });
    expect(await status(marie.id)).toMatchObject({ current: 'suspended', reason: { code: 'grace-ended' } });
    await mailTo(marie.email, /^Your membership is suspended$/);

    // Paying the renewal makes her a Member at once.
    await pay(marie.id, await proFormaOf(marie.id));
    expect(await status(marie.id)).toMatchObject({ current: 'member', status: 'member', reason: { code: 'paid' } });
    const detail = await olga.client.GET('/api/v1/members/{id}', { params: { path: { id: marie.id } } });
    expect(detail.data!.statusHistory.map((change) => [change.to, change.actor.kind])).toEqual([
      ['upcoming', 'system'],
      ['member', 'system'],
      ['in-grace', 'sweep'],
      ['suspended', 'sweep'],
      ['member', 'system'],
    ]);
    expect(
      stack.sink
        .messages()
        .filter((message) => message.to.includes(marie.email) && /suspended|ended on/.test(message.subject)),
    ).toHaveLength(2);
  });

  it('lets administrators alone set a status by hand, with a reason; forecasts by date; refuses bad input with 4xx', async () => {
    const [member] = (
      await olga.client.GET('/api/v1/members', { params: { query: { status: 'member', sort: 'status' } } })
    ).data!.items;
    const refused = await olga.client.POST('/api/v1/members/{id}/status-override', {
      params: { path: { id: member.id } },
      body: { status: 'suspended', reason: 'Behaviour' },
    });
    expect(refused.response.status).toBe(403);
    const noReason = await admin.POST('/api/v1/members/{id}/status-override', {
      params: { path: { id: member.id } },
      body: { status: 'suspended', reason: '' },
    });
    expect(noReason.response.status).toBe(400);
    const illegal = await admin.POST('/api/v1/members/{id}/status-override', {
      params: { path: { id: member.id } },
      body: { status: 'upcoming', reason: 'Not a legal move' },
    });
    expect(illegal.response.status).toBe(409);
    const set = await admin.POST('/api/v1/members/{id}/status-override', {
      params: { path: { id: member.id } },
      body: { status: 'suspended', reason: 'Behaviour at the general assembly' },
    });
    expect(set.data).toMatchObject({
      current: 'suspended',
      status: 'suspended',
      overridden: true,
      reason: { code: 'overridden' },
    });

    const today = new Date(now).toISOString().slice(0, 10);
    const forecast = await olga.client.GET('/api/v1/status-forecast', {
      params: { query: { asOf: addDays(today, 400) } },
    });
    expect(forecast.data!.counts.find((count) => count.status === 'ex-member')!.then).toBeGreaterThanOrEqual(1);
    const members = await olga.client.GET('/api/v1/status-forecast/members', {
      params: { query: { asOf: addDays(today, 400) } },
    });
    expect(members.data!.total).toBe(forecast.data!.changing);
    const past = await olga.client.GET('/api/v1/status-forecast', { params: { query: { asOf: addDays(today, -1) } } });
    expect(past.response.status).toBe(400);
    const badDate = await olga.client.GET('/api/v1/members/{id}/status', {
      params: { path: { id: member.id }, query: { asOf: '2027-02-30' } },
    });
    expect(badDate.response.status).toBe(400);
    const unknown = await olga.client.GET('/api/v1/members/{id}/status', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(unknown.response.status).toBe(404);
    expect((await olga.client.POST('/api/v1/status-sweeps')).response.status).toBe(403);
  });
});
