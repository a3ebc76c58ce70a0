import type { TestingModule } from '@nestjs/testing';
import { BillingDocumentsService, PaymentsService } from '@tessera/billing';
import { Clock, ManualClock, Transactions } from '@tessera/core';
import { MembersModule, MembersService, type MemberStatus } from '@tessera/members';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule, waitUntil } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { addDays } from '../periods';
import { MemberStatusService } from '../statuses/member-status.service';
import { StatusSweepRepository } from '../statuses/status-sweep.repository';
import { StatusSweepsService } from '../statuses/status-sweeps.service';
import { SubscriptionModule } from '../subscription.module';
import { SubscriptionService } from '../subscription.service';
import { SUBSCRIPTION_SUBJECT } from '../subscription.types';

jest.setTimeout(60_000);

describe('member statuses against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let clock: ManualClock;
  let subscriptions: SubscriptionService;
  let billing: BillingDocumentsService;
  let statuses: MemberStatusService;
  let sweeps: StatusSweepsService;
  let members: MembersService;
  let yearly: PlanDto;
  let counter = 0;

  beforeAll(async () => {
    clock = new ManualClock(new Date('2026-01-01T12:00:00Z'));
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
      configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
    });
    db = moduleRef.get(DataSource);
    subscriptions = moduleRef.get(SubscriptionService);
    billing = moduleRef.get(BillingDocumentsService);
    statuses = moduleRef.get(MemberStatusService);
    sweeps = moduleRef.get(StatusSweepsService);
    members = moduleRef.get(MembersService);
    yearly = await moduleRef.get(PlansService).create({
      code: 'statuses-yearly',
      name: 'Yearly membership',
      applicantKinds: ['individual'],
      price: { amount: 5000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      graceDays: 30,
      lapseDays: 60,
    } as never);
  });
  afterAll(() => moduleRef.close());

  const at = (date: string) => clock.set(new Date(`${date}T12:00:00Z`));

  /** A person subscribed from `startDate`; paid on the start date unless `paid` is false. */
  async function subscribed(
    startDate: string,
    options: { paid?: boolean; email?: boolean; plan?: PlanDto } = {},
  ): Promise<{ memberId: string; subscriptionId: string; invoiceId: string }> {
    counter += 1;
    at(startDate);
    const { memberId } = await members.createOrMatchFromApplication({
      kind: 'person',
      planId: (options.plan ?? yearly).id,
      locale: counter % 2 ? 'en' : 'fr',
      source: { type: 'staff', id: null, reference: null },
      person: { firstName: 'Status', lastName: `Member ${counter}`, email: `status-${counter}@example.test` },
    });
    const outcome = await subscriptions.subscribe({
      memberId,
      planId: (options.plan ?? yearly).id,
      startDate,
      origin: { type: 'staff', id: null, reference: null },
    });
    if (!outcome.created) throw new Error('expected a subscription');
    if (options.paid !== false) await billing.allocate(outcome.invoice.id, outcome.invoice.grossAmount, null);
    return { memberId, subscriptionId: outcome.subscriptionId, invoiceId: outcome.invoice.id };
  }

  /** The renewal invoice of the subscription's next period (as confirming its pro-forma would issue). */
  async function renewalInvoice(memberId: string, subscriptionId: string): Promise<{ id: string; gross: number }> {
    const [{ end }] = (await db.query(
      `SELECT to_char(current_period_end, 'YYYY-MM-DD') AS end FROM subscriptions WHERE id = $1`,
      [subscriptionId],
    )) as { end: string }[];
    const start = addDays(end, 1);
    const periodEnd = addDays(start, 364);
    const invoice = await billing.issue({
      kind: 'invoice',
      memberId,
      currency: 'EUR',
      lines: [
        { description: 'Renewal', period: { start, end: periodEnd }, quantity: 1, unitPrice: 5000, taxRateBps: 0 },
      ],
      period: { start, end: periodEnd },
      subject: { type: SUBSCRIPTION_SUBJECT, id: subscriptionId },
    });
    return { id: invoice.id, gross: invoice.grossAmount };
  }

  const sweepAsOf = async (asOf: string) => sweeps.execute((await sweeps.start(asOf, 'staff', null)) as string);
  const statusOf = async (memberId: string) => (await members.get(memberId)).status;
  const lastSeq = async () =>
    ((await db.query(`SELECT coalesce(max(seq), 0)::text AS seq FROM member_status_changes`)) as { seq: string }[])[0]
      .seq;
  const historyOf = async (memberId: string, afterSeq = '0') =>
    (await db.query(
      `SELECT from_status AS "from", to_status AS "to", reason, reason_code AS code, reason_params AS params, actor_kind AS actor
         FROM member_status_changes WHERE member_id = $1 AND seq > $2 ORDER BY seq`,
      [memberId, afterSeq],
    )) as {
      from: MemberStatus | null;
      to: MemberStatus;
      reason: string;
      code: string | null;
      params: unknown;
      actor: string;
    }[];

  it('sweeps a few hundred members across every case, agrees with the engine member by member, and moves nobody the second time', async () => {
    const groups = {
      paidAhead: await Promise.all(Array.from({ length: 60 }, () => subscribed('2026-06-01'))),
      entersGrace: await Promise.all(Array.from({ length: 50 }, () => subscribed('2026-02-20'))),
      graceToSuspended: await Promise.all(Array.from({ length: 50 }, () => subscribed('2026-01-15'))),
      suspendedToLapse: await Promise.all(Array.from({ length: 40 }, () => subscribed('2025-12-01'))),
      lapsedEarlier: await Promise.all(Array.from({ length: 30 }, () => subscribed('2025-10-01'))),
      endsByStaff: await Promise.all(Array.from({ length: 30 }, () => subscribed('2026-02-01'))),
      upcoming: await Promise.all(Array.from({ length: 20 }, () => subscribed('2026-03-01', { paid: false }))),
      cancelled: await Promise.all(Array.from({ length: 20 }, () => subscribed('2026-03-01', { paid: false }))),
    };
    at('2026-06-10');
    for (const { subscriptionId } of groups.endsByStaff)
      await subscriptions.end(subscriptionId, 'Moved abroad', '2027-02-15', null);
    for (const { invoiceId } of groups.cancelled)
      await billing.creditInvoice(invoiceId, 'Entered twice', { userId: null });
    const all = Object.values(groups).flat();
    expect(all).toHaveLength(300);
    for (const { memberId } of groups.cancelled) expect(await statusOf(memberId)).toBe('non-member');

    // In batches of 7 on two connections at once: the counters add up whatever order batches commit in.
    const first = await sweeps.execute((await sweeps.start('2027-02-01', 'staff', null)) as string, 7, 2);
    expect(await sweeps.get(first.id)).toMatchObject({
      state: 'done',
      changed: 120,
      changes: { 'in-grace': 50, suspended: 40, 'ex-member': 30 },
    });
    expect(first).toMatchObject({
      state: 'done',
      changed: 120,
      changes: { 'in-grace': 50, suspended: 40, 'ex-member': 30 },
    });
    // What the engine says of each member as of the second sweep's day, before it runs.
    const before = new Map<string, Awaited<ReturnType<MemberStatusService['verdict']>>['verdict']>();
    for (const { memberId } of all) before.set(memberId, (await statuses.verdict(memberId, '2027-03-01')).verdict);
    const seqBefore = await lastSeq();
    const second = await sweepAsOf('2027-03-01');
    expect(second).toMatchObject({
      state: 'done',
      changed: 170,
      changes: { 'in-grace': 50, suspended: 50, 'ex-member': 70 },
    });
    const expected: Record<keyof typeof groups, MemberStatus> = {
      paidAhead: 'member',
      entersGrace: 'in-grace',
      graceToSuspended: 'suspended',
      suspendedToLapse: 'ex-member',
      lapsedEarlier: 'ex-member',
      endsByStaff: 'ex-member',
      upcoming: 'upcoming',
      cancelled: 'non-member',
    };
    for (const [group, rows] of Object.entries(groups))
      for (const { memberId } of rows) {
        const stored = await statusOf(memberId);
        expect({ group, stored }).toEqual({ group, stored: expected[group as keyof typeof groups] });
        // The sweep's SQL and the engine agree, in status and in words.
        const verdict = before.get(memberId)!;
        expect(verdict.status).toBe(stored);
        const moves = await historyOf(memberId, seqBefore);
        expect(moves).toEqual(
          moves.length === 0
            ? []
            : [
                expect.objectContaining({
                  reason: verdict.reasonText,
                  code: verdict.reason.code,
                  params: verdict.reason.params,
                  actor: 'sweep',
                }),
              ],
        );
      }
    expect(await historyOf(groups.graceToSuspended[0].memberId)).toEqual([
      expect.objectContaining({ from: null, to: 'upcoming' }),
      expect.objectContaining({ from: 'upcoming', to: 'member', code: 'paid', actor: 'system' }),
      expect.objectContaining({
        from: 'member',
        to: 'in-grace',
        reason: 'Membership period ended on 14 Jan 2027; grace period until 13 Feb 2027',
        actor: 'sweep',
      }),
      expect.objectContaining({
        from: 'in-grace',
        to: 'suspended',
        reason: 'Grace period ended 30 days after 14 Jan 2027',
        code: 'grace-ended',
        params: { periodEnd: '2027-01-14', graceDays: 30 },
        actor: 'sweep',
      }),
    ]);

    // Lapse days end the subscription, the reason recorded; an end by staff ends it on its date.
    const lapsed = (await db.query(
      `SELECT state, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", end_reason AS "endReason",
              (SELECT reason FROM subscription_events e WHERE e.subscription_id = s.id ORDER BY occurred_at DESC, id LIMIT 1) AS event
         FROM subscriptions s WHERE id = $1`,
      [groups.suspendedToLapse[0].subscriptionId],
    )) as { state: string; endsOn: string; endReason: string; event: string }[];
    const reason = 'Lapsed: Suspended for more than 60 days after the grace period ended on 30 Dec 2026';
    expect(lapsed).toEqual([{ state: 'ended', endsOn: '2026-11-30', endReason: reason, event: reason }]);

    // E-mails through the outbox: one per move, by template, and a second sweep adds none.
    const mails = async () =>
      (await db.query(
        `SELECT template, count(*)::int AS n FROM email_messages WHERE template LIKE 'membership-%' GROUP BY template ORDER BY template`,
      )) as { template: string; n: number }[];
    expect(await mails()).toEqual([
      { template: 'membership-ended', n: 100 },
      { template: 'membership-grace-started', n: 100 },
      { template: 'membership-suspended', n: 90 },
    ]);
    const [{ jobs }] = (await db.query(
      `SELECT count(*)::int AS jobs FROM outbox_messages o JOIN email_messages e ON e.id = (o.payload->>'emailId')::uuid
        WHERE o.queue = 'email' AND e.template LIKE 'membership-%'`,
    )) as { jobs: number }[];
    expect(jobs).toBe(290);
    const [grace] = (await db.query(
      `SELECT data, locale FROM email_messages WHERE template = 'membership-grace-started' AND recipient = $1`,
      [`status-${counter - 300 + 61}@example.test`],
    )) as { data: Record<string, unknown>; locale: string }[];
    expect(grace.data).toMatchObject({ periodEnd: '2027-02-19', graceEnd: '2027-03-21' });

    const again = await sweepAsOf('2027-03-01');
    expect(again).toMatchObject({ state: 'done', examined: 0, changed: 0, changes: {} });
    expect(await mails()).toHaveLength(3);
    expect((await mails()).reduce((sum, row) => sum + row.n, 0)).toBe(290);
  });

  it('a renewal payment committed while the sweep runs wins: the member ends as Member, never Suspended', async () => {
    const { memberId, subscriptionId } = await subscribed('2025-05-10');
    await sweepAsOf('2026-05-15');
    expect(await statusOf(memberId)).toBe('in-grace');
    const renewal = await renewalInvoice(memberId, subscriptionId);

    // Connection 1: the payment, its transaction held open after settling (subscription locked).
    at('2026-06-20');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let paid!: () => void;
    const settled = new Promise<void>((resolve) => (paid = resolve));
    const payment = moduleRef.get(Transactions).run(async () => {
      await billing.allocate(renewal.id, renewal.gross, null);
      paid();
      await held;
    });
    await settled;
    // Connection 2: the sweep as of a day the member would be suspended; it waits on the lock.
    const sweep = sweepAsOf('2026-06-20');
    try {
      await waitUntil(
        async () => {
          const [{ waiting }] = (await db.query(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE 'UPDATE subscriptions s SET next_status_change_on%'`,
          )) as { waiting: number }[];
          return waiting === 1;
        },
        { description: 'the sweep to wait on the subscription the payment locked' },
      );
    } finally {
      release();
    }
    await payment;
    const done = await sweep;
    expect(done.examined).toBeGreaterThanOrEqual(1);
    expect(await statusOf(memberId)).toBe('member');
    const history = await historyOf(memberId);
    expect(history.map((change) => change.to)).toEqual(['upcoming', 'member', 'in-grace', 'member']);
    expect(history.at(-1)).toMatchObject({
      code: 'paid',
      reason: expect.stringMatching(/^INV-\d{4}-\d{6} paid on 20 Jun 2026$/),
    });
  });

  it('an override holds until the next date event, and a payment hands the member back to the engine', async () => {
    const cash = await subscribed('2025-04-01');
    const lapsing = await subscribed('2025-04-01');
    await sweepAsOf('2026-05-10');
    for (const { memberId } of [cash, lapsing]) expect(await statusOf(memberId)).toBe('suspended');

    at('2026-05-11');
    await statuses.override(cash.memberId, 'member', 'Paid in cash at the general assembly', {
      kind: 'user',
      id: null,
    });
    await statuses.override(lapsing.memberId, 'member', 'Promised to pay next week', { kind: 'user', id: null });
    expect((await historyOf(cash.memberId)).at(-1)).toMatchObject({
      from: 'suspended',
      to: 'member',
      code: 'overridden',
      reason: 'Set by hand: Paid in cash at the general assembly (until the next payment or date event)',
      params: { reason: 'Paid in cash at the general assembly', engineStatus: 'suspended' },
    });
    await expect(statuses.override(cash.memberId, 'member', 'again', { kind: 'user', id: null })).rejects.toMatchObject(
      {
        status: 409,
      },
    );
    await expect(
      statuses.override(cash.memberId, 'upcoming', 'not a legal move', { kind: 'user', id: null }),
    ).rejects.toMatchObject({ status: 409 });
    expect((await statuses.verdict(cash.memberId)).verdict).toMatchObject({
      status: 'member',
      reason: { code: 'overridden' },
    });

    // Time alone does not undo it while the engine still says Suspended…
    expect(await sweepAsOf('2026-05-20')).toMatchObject({ changed: 0 });
    expect(await statusOf(cash.memberId)).toBe('member');

    // …a payment hands the member back to the engine (Member, now for a paid reason)…
    const renewal = await renewalInvoice(cash.memberId, cash.subscriptionId);
    at('2026-05-21');
    await billing.allocate(renewal.id, renewal.gross, null);
    expect(await statusOf(cash.memberId)).toBe('member');
    expect((await statuses.verdict(cash.memberId)).verdict).toMatchObject({
      status: 'member',
      reason: { code: 'paid' },
    });
    const [{ basis }] = (await db.query(`SELECT status_override_basis AS basis FROM members WHERE id = $1`, [
      cash.memberId,
    ])) as { basis: string | null }[];
    expect(basis).toBeNull();

    // …and so does the next date event: the lapse.
    expect(await sweepAsOf('2026-07-01')).toMatchObject({ changes: { 'ex-member': 1 } });
    expect(await statusOf(lapsing.memberId)).toBe('ex-member');
    expect(await statusOf(cash.memberId)).toBe('member');
  });

  it('staff ending a subscription on a past date makes an Ex-member at once, in the same transaction', async () => {
    const { memberId, subscriptionId } = await subscribed('2026-01-10');
    at('2026-08-01');
    await subscriptions.end(subscriptionId, 'Asked to leave', '2026-07-31', null);
    expect(await statusOf(memberId)).toBe('ex-member');
    expect((await historyOf(memberId)).at(-1)).toMatchObject({
      from: 'member',
      to: 'ex-member',
      code: 'ended',
      reason: 'Membership ended on 31 Jul 2026: Asked to leave',
    });
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM email_messages WHERE template = 'membership-ended' AND recipient = $1`,
      [`status-${counter}@example.test`],
    )) as { n: number }[];
    expect(n).toBe(1);
  });
  it('dates each next status change so that daily sweeps agree with the engine every day, also when the grace days change', async () => {
    const plans = moduleRef.get(PlansService);
    const days = await plans.create({
      code: 'statuses-days',
      name: 'Yearly, days changing',
      applicantKinds: ['individual'],
      price: { amount: 5000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      graceDays: 30,
      lapseDays: 60,
    } as never);
    // Periods ending a week apart from 31 Dec 2026 on: their grace, suspension and lapse days spread over the spring.
    const spread: Awaited<ReturnType<typeof subscribed>>[] = [];
    for (let i = 0; i < 20; i += 1) spread.push(await subscribed(addDays('2026-01-01', 7 * i), { plan: days }));
    const ending = [await subscribed('2026-01-20', { plan: days }), await subscribed('2026-02-03', { plan: days })];
    at('2026-06-01');
    for (const { subscriptionId } of ending) await subscriptions.end(subscriptionId, 'Moving away', '2027-01-05', null);
    const renewed = await subscribed('2026-01-05', { plan: days });
    const renewal = await renewalInvoice(renewed.memberId, renewed.subscriptionId);
    await billing.allocate(renewal.id, renewal.gross, null);
    const mine = [...spread, ...ending, renewed];
    const ids = new Set(mine.map((row) => row.memberId));
    const nextChanges = async () =>
      (await db.query(
        `SELECT s.member_id AS "memberId", s.state, to_char(s.next_status_change_on, 'YYYY-MM-DD') AS next
           FROM subscriptions s WHERE s.plan_id = $1`,
        [days.id],
      )) as { memberId: string; state: string; next: string | null }[];
    // Written with the subscription: the day after its paid period (or its end date).
    expect((await nextChanges()).find((row) => row.memberId === spread[1].memberId)?.next).toBe('2027-01-08');
    expect((await nextChanges()).find((row) => row.memberId === ending[0].memberId)?.next).toBe('2027-01-06');
    expect((await nextChanges()).find((row) => row.memberId === renewed.memberId)?.next).toBe('2028-01-05');

    const forecast = moduleRef.get(StatusSweepRepository);
    const moved: Record<string, number> = {};
    let redated = 0;
    for (let day = '2026-12-30'; day <= '2027-05-31'; day = addDays(day, 1)) {
      if (day === '2027-02-10') {
        // The plan's grace shrinks from 30 to 10 days: members dated by the old days are dated back.
        await plans.update(days.id, { graceDays: 10 } as never);
        redated = (await nextChanges()).filter((row) => row.next !== null && row.next <= day).length;
      }
      const sweep = await sweepAsOf(day);
      if (sweep.changed > 0) moved[day] = sweep.changed;
      // Nothing the full rule (every subscription, no date) would still move, and nobody due again today.
      const left = (await forecast.forecastMembers(day, 0, 10_000)).filter((row) => ids.has(row.memberId));
      expect({ day, left }).toEqual({ day, left: [] });
      expect((await nextChanges()).filter((row) => row.next !== null && row.next <= day)).toEqual([]);
      if (day.endsWith('0') || day === '2027-02-11' || day === '2027-01-01')
        for (const { memberId } of mine) {
          const { verdict } = await statuses.verdict(memberId, day);
          expect({ day, memberId, status: await statusOf(memberId) }).toEqual({
            day,
            memberId,
            status: verdict.status,
          });
        }
    }
    // The shorter grace suspended at once those already more than 10 days into it.
    expect(redated).toBeGreaterThan(0);
    expect(moved['2027-02-10']).toBeGreaterThanOrEqual(2);
    expect((await historyOf(spread[3].memberId)).map((change) => change.to)).toEqual([
      'upcoming',
      'member',
      'in-grace',
      'suspended',
      'ex-member',
    ]);
    expect(await statusOf(renewed.memberId)).toBe('member');
    for (const { memberId } of ending) expect(await statusOf(memberId)).toBe('ex-member');
    // Once ex-members, nothing more changes with time.
    expect((await nextChanges()).filter((row) => row.state === 'ended').map((row) => row.next)).toEqual(
      Array.from({ length: (await nextChanges()).filter((row) => row.state === 'ended').length }, () => null),
    );
  }, 300_000);

  it('reversing a renewal payment steps the subscription back and puts the member in grace at once', async () => {
    const { memberId, subscriptionId } = await subscribed('2026-02-01');
    const renewal = await renewalInvoice(memberId, subscriptionId);
    at('2027-01-15');
    const { payment } = await moduleRef.get(PaymentsService).record({
      memberId,
      amount: renewal.gross,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: '2027-01-15',
      allocations: [{ documentId: renewal.id, amount: renewal.gross }],
    });
    const subscription = async () =>
      (
        (await db.query(
          `SELECT to_char(current_period_start, 'YYYY-MM-DD') AS start, to_char(current_period_end, 'YYYY-MM-DD') AS "end",
                  to_char(next_status_change_on, 'YYYY-MM-DD') AS next FROM subscriptions WHERE id = $1`,
          [subscriptionId],
        )) as { start: string; end: string; next: string }[]
      )[0];
    expect(await subscription()).toEqual({ start: '2027-02-01', end: '2028-01-31', next: '2028-02-01' });
    expect(await statusOf(memberId)).toBe('member');

    at('2027-02-10');
    const seq = await lastSeq();
    await moduleRef.get(PaymentsService).reverse(payment.id, 'Cheque bounced', null);
    // In the reversal's transaction: paid through the end of the first period again, so in grace.
    expect(await subscription()).toEqual({ start: '2026-02-01', end: '2027-01-31', next: '2027-02-01' });
    expect(await statusOf(memberId)).toBe('in-grace');
    expect(await historyOf(memberId, seq)).toEqual([
      expect.objectContaining({ from: 'member', to: 'in-grace', code: 'in-grace', actor: 'system' }),
    ]);
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM email_messages WHERE template = 'membership-grace-started' AND recipient = $1`,
      [`status-${counter}@example.test`],
    )) as { n: number }[];
    expect(n).toBe(1);
    // The sweep carries on from there with time: suspended once grace is over.
    await sweepAsOf('2027-03-05');
    expect(await statusOf(memberId)).toBe('suspended');
    expect((await statuses.verdict(memberId, '2027-03-05')).verdict.status).toBe('suspended');
  });
});
