import { ApprovalService } from '@tessera/approval';
import { PaymentsService } from '@tessera/billing';
import { Transactions } from '@tessera/core';
import { AdvanceProFormasService } from '@tessera/subscription';
import type { QueryRunner } from 'typeorm';
import { MemberRequestsService } from '../member-requests.service';
import { activeMember, approvalOf, approve, bootMemberRequests, type Booted } from './member-requests-testing';

type Submission = Parameters<MemberRequestsService['submit']>[1];

/**
 * Paying a renewal pro-forma (the payment locks the document, then its settlement locks the
 * subscription) while a request is approved (which locks the subscription and cancels that
 * pro-forma): both take the same two locks, so they must take them in one order (docs/architecture.md,
 * "Lock order"). Each case forces one interleaving on real connections and expects one consistent
 * outcome, neither side failing; before the approval locked the pro-formas first, the payment-first
 * case was a deadlock (40P01) that aborted the approval.
 */
describe('a renewal pro-forma paid while a member request is approved (lock order)', () => {
  let booted: Booted;
  let requests: MemberRequestsService;
  let payments: PaymentsService;

  beforeAll(async () => {
    booted = await bootMemberRequests();
    requests = booted.moduleRef.get(MemberRequestsService);
    payments = booted.moduleRef.get(PaymentsService);
  });
  afterAll(() => booted.moduleRef.close());

  /** A member on Basic since 20 March 2026 with the pro-forma of their next period, and a request made. */
  async function memberWithRenewalAndRequest(submission: Submission) {
    const mia = await activeMember(booted, booted.basic.id, '2026-03-20');
    await booted.moduleRef.get(AdvanceProFormasService).issue(mia.subscriptionId, 1);
    const [proForma] = (await booted.db.query(
      `SELECT id, gross_amount AS gross FROM billing_documents WHERE kind = 'pro-forma' AND subject_id = $1`,
      [mia.subscriptionId],
    )) as { id: string; gross: number }[];
    const made = await requests.submit(mia.principal, submission);
    return { ...mia, proForma, requestId: made.id, approvalId: await approvalOf(booted.db, made.id) };
  }

  const payProForma = (member: { memberId: string; proForma: { id: string; gross: number } }) =>
    payments.record({
      memberId: member.memberId,
      amount: member.proForma.gross,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: '2026-03-02',
      allocations: [{ documentId: member.proForma.id, amount: member.proForma.gross }],
    });

  /**
   * The payment first: it locks the pro-forma and is held there (a third connection holds the
   * invoice number series, which confirming the pro-forma needs next); then the approval starts
   * and waits on a lock too; then the series is released. Returns how each side ended.
   */
  async function paymentFirst(member: Awaited<ReturnType<typeof memberWithRenewalAndRequest>>) {
    const holder = await holdInvoiceSeries();
    try {
      const paying = settle(payProForma(member));
      await waitForLockWaits(1);
      const approving = settle(approve(booted.moduleRef, member.approvalId, booted.officer));
      await waitForLockWaits(2);
      await holder.commitTransaction();
      return { paid: await paying, approved: await approving };
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  }

  it('payment first, plan change at renewal: the pro-forma is paid and the new plan starts the period after', async () => {
    const mia = await memberWithRenewalAndRequest({ kind: 'upgrade', planId: booted.plus.id, effective: 'renewal' });
    const { paid, approved } = await paymentFirst(mia);
    expect({ paid: paid.failure, approved: approved.failure }).toEqual({ paid: null, approved: null });

    expect(await documentsOf(mia.subscriptionId)).toEqual([
      { kind: 'invoice', state: 'paid', start: '2026-03-20', net: 6000 },
      { kind: 'pro-forma', state: 'confirmed', start: '2027-03-20', net: 6000 },
      { kind: 'invoice', state: 'paid', start: '2027-03-20', net: 6000 },
    ]);
    expect(await subscriptionOf(mia.subscriptionId)).toEqual({
      state: 'active',
      periodStart: '2027-03-20',
      planId: booted.basic.id,
      nextPlanId: booted.plus.id,
      endsOn: null,
    });
    expect(await requestOf(mia.requestId)).toMatchObject({
      state: 'approved',
      outcome: { effectiveOn: '2028-03-20', proFormasCancelled: 0, proFormasReissued: 0 },
    });
  });

  it('payment first, termination at the period’s end: the pro-forma is paid, and the approval is a 409 saying why', async () => {
    const tom = await memberWithRenewalAndRequest({ kind: 'termination', reason: 'moving' });
    const { paid, approved } = await paymentFirst(tom);
    expect(paid.failure).toBeNull();
    // The member asked to leave on 19 March 2027, and the renewal they paid runs a year past it.
    expect(approved.failure).toBe(
      '409 This membership was renewed through 2028-03-19 after 2027-03-19 was chosen as its last day, so it can ' +
        'no longer end then: refuse this request, or end it on a later date.',
    );

    expect((await documentsOf(tom.subscriptionId)).map((d) => `${d.kind}:${d.state}:${d.start}`)).toEqual([
      'invoice:paid:2026-03-20',
      'pro-forma:confirmed:2027-03-20',
      'invoice:paid:2027-03-20',
    ]);
    expect(await subscriptionOf(tom.subscriptionId)).toMatchObject({
      state: 'active',
      periodStart: '2027-03-20',
      endsOn: null,
    });
    // Nothing was decided: the approver may refuse it with that reason.
    expect(await requestOf(tom.requestId)).toMatchObject({ state: 'pending', outcome: null });
    await booted.moduleRef.get(ApprovalService).refuse(tom.approvalId, booted.officer, 'You renewed meanwhile.');
    expect(await requestOf(tom.requestId)).toMatchObject({ state: 'refused' });
  });

  it('approval first: the payment waits, finds the pro-forma re-issued on the new plan, and stays as credit', async () => {
    const ivy = await memberWithRenewalAndRequest({ kind: 'upgrade', planId: booted.plus.id, effective: 'renewal' });
    // The approval commits only once the payment waits on the pro-forma it holds.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const paying = settle(gate.then(() => payProForma(ivy)));
    await booted.moduleRef.get(Transactions).run(async () => {
      await approve(booted.moduleRef, ivy.approvalId, booted.officer);
      release();
      await waitForLockWaits(1);
    });
    const paid = await paying;
    expect(paid.failure).toBeNull();

    expect(await documentsOf(ivy.subscriptionId)).toEqual([
      { kind: 'invoice', state: 'paid', start: '2026-03-20', net: 6000 },
      { kind: 'pro-forma', state: 'cancelled', start: '2027-03-20', net: 6000 },
      { kind: 'pro-forma', state: 'open', start: '2027-03-20', net: 12000 },
    ]);
    const [payment] = (await booted.db.query(
      `SELECT amount, unallocated_amount AS unallocated FROM billing_payments WHERE id = $1`,
      [paid.value!.payment.id],
    )) as { amount: number; unallocated: number }[];
    expect(payment).toEqual({ amount: 6000, unallocated: 6000 });
    expect(await subscriptionOf(ivy.subscriptionId)).toMatchObject({
      periodStart: '2026-03-20',
      planId: booted.basic.id,
      nextPlanId: booted.plus.id,
    });
  });

  /** A third connection holding the invoice number series' rows until it commits. */
  async function holdInvoiceSeries(): Promise<QueryRunner> {
    const holder = booted.db.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    const rows = (await holder.query(`SELECT year FROM billing_number_series WHERE series = 'INV' FOR UPDATE`)) as {
      year: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    return holder;
  }

  /** Waits until `count` connections of this database wait on a lock. */
  async function waitForLockWaits(count: number): Promise<void> {
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const [{ n }] = (await booted.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      )) as { n: number }[];
      if (n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`${count} connection(s) never waited on a lock`);
  }

  const documentsOf = async (subscriptionId: string) =>
    (await booted.db.query(
      `SELECT kind, state, to_char(period_start, 'YYYY-MM-DD') AS start, net_amount AS net FROM billing_documents
        WHERE subject_id = $1 ORDER BY period_start, issued_at, kind DESC, number`,
      [subscriptionId],
    )) as { kind: string; state: string; start: string; net: number }[];

  const subscriptionOf = async (id: string) =>
    (
      (await booted.db.query(
        `SELECT state, to_char(current_period_start, 'YYYY-MM-DD') AS "periodStart", plan_id AS "planId",
                next_plan_id AS "nextPlanId", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
           FROM subscriptions WHERE id = $1`,
        [id],
      )) as Record<string, unknown>[]
    )[0];

  const requestOf = async (id: string) =>
    (
      (await booted.db.query(`SELECT state, outcome FROM member_requests WHERE id = $1`, [id])) as {
        state: string;
        outcome: Record<string, unknown>;
      }[]
    )[0];
});

/** How a promise ended: its value, or the failure (PostgreSQL's code, e.g. 40P01 for a deadlock, or a problem's status). */
async function settle<T>(promise: Promise<T>): Promise<{ value: T | null; failure: string | null }> {
  try {
    return { value: await promise, failure: null };
  } catch (error) {
    const failure = error as Error & { driverError?: { code?: string }; problem?: { status: number; detail: string } };
    const code = failure.driverError?.code ?? failure.problem?.status;
    return { value: null, failure: `${code ?? ''} ${failure.problem?.detail ?? failure.message}`.trim() };
  }
}
