import { AdvanceProFormasService, RenewalRunsService } from '@tessera/subscription';
import { MemberRequestsService } from '../member-requests.service';
import { activeMember, approvalOf, approve, bootMemberRequests, type Booted } from './member-requests-testing';

describe('member requests against the real database', () => {
  let booted: Booted;
  let requests: MemberRequestsService;

  beforeAll(async () => {
    booted = await bootMemberRequests();
    requests = booted.moduleRef.get(MemberRequestsService);
  });
  afterAll(() => booted.moduleRef.close());

  const proFormasOf = async (subscriptionId: string) =>
    (await booted.db.query(
      `SELECT d.state, to_char(d.period_start, 'YYYY-MM-DD') AS start, d.net_amount AS net, l.description
         FROM billing_documents d JOIN billing_document_lines l ON l.document_id = d.id
        WHERE d.kind = 'pro-forma' AND d.subject_id = $1 ORDER BY d.issued_at, d.number`,
      [subscriptionId],
    )) as { state: string; start: string; net: number; description: string }[];

  it('ten parallel upgrade requests: one is made, nine are refused saying when the first was made', async () => {
    const mia = await activeMember(booted, booted.basic.id);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        requests.submit(mia.principal, { kind: 'upgrade', planId: booted.plus.id, effective: 'renewal' }),
      ),
    );
    const made = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(made).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const { reason } of refused) {
      expect(reason.problem).toMatchObject({ status: 409, type: 'urn:tessera:problem:member-request-pending' });
      expect(reason.problem.detail).toMatch(
        /^You already asked to change your plan on 2 March 2026 \(REQ-2026-\d{6}\); that request is being reviewed\./,
      );
    }
    const [{ n }] = await booted.db.query(
      `SELECT count(*)::int AS n FROM member_requests WHERE member_id = $1 AND state = 'pending'`,
      [mia.memberId],
    );
    expect(n).toBe(1);
    // A termination is another kind: allowed beside it.
    await expect(requests.submit(mia.principal, { kind: 'termination', reason: 'moving' })).resolves.toMatchObject({
      state: 'pending',
    });
  });

  it('an approval and the member’s withdrawal at once give one outcome', async () => {
    const seen = new Set<string>();
    for (let round = 0; round < 6; round += 1) {
      const mia = await activeMember(booted, booted.basic.id);
      const made = await requests.submit(mia.principal, {
        kind: 'upgrade',
        planId: booted.plus.id,
        effective: 'renewal',
      });
      const approvalId = await approvalOf(booted.db, made.id);
      const [approved, withdrawn] = await Promise.allSettled([
        approve(booted.moduleRef, approvalId, booted.officer),
        requests.withdraw(mia.principal, made.id),
      ]);
      expect([approved.status, withdrawn.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const loser = (approved.status === 'rejected' ? approved : withdrawn) as PromiseRejectedResult;
      expect(loser.reason.problem.status).toBe(409);
      const [row] = await booted.db.query(
        `SELECT r.state, a.status AS approval, s.next_plan_id AS "nextPlanId"
           FROM member_requests r JOIN approval_requests a ON a.id = r.approval_request_id
           JOIN subscriptions s ON s.id = r.subscription_id WHERE r.id = $1`,
        [made.id],
      );
      if (approved.status === 'fulfilled')
        expect(row).toEqual({ state: 'approved', approval: 'approved', nextPlanId: booted.plus.id });
      else expect(row).toEqual({ state: 'withdrawn', approval: 'cancelled', nextPlanId: null });
      seen.add(row.state);
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });

  it('an upgrade at renewal approved while the renewal run issues pro-formas: one pro-forma, on the new plan', async () => {
    const runs = booted.moduleRef.get(RenewalRunsService);
    const transactions = booted.moduleRef.get((await import('@tessera/core')).Transactions);
    const mia = await activeMember(booted, booted.basic.id, '2026-03-20');
    const made = await requests.submit(mia.principal, {
      kind: 'upgrade',
      planId: booted.plus.id,
      effective: 'renewal',
    });
    const approvalId = await approvalOf(booted.db, made.id);
    const runId = (await runs.start('2027-03-01', 'staff', null)) as string;
    // The run starts outside the approval's transaction; it chooses its batch (the old plan, as
    // committed) and then waits on the subscription row the approval holds, until it commits.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const run = gate.then(() => runs.execute(runId));
    await transactions.run(async () => {
      await approve(booted.moduleRef, approvalId, booted.officer);
      release();
      await waitForLockWait(booted);
    });
    // (Members of the earlier tests are due as well.)
    expect(await run).toMatchObject({ state: 'done', failures: 0 });
    expect(await proFormasOf(mia.subscriptionId)).toEqual([
      { state: 'open', start: '2027-03-20', net: 12000, description: 'Plus' },
    ]);

    // The other order: the run issued first on the old plan; approving cancels it and issues it again on the new.
    const tom = await activeMember(booted, booted.basic.id, '2026-03-25');
    await runs.execute((await runs.start('2027-03-01', 'staff', null)) as string);
    expect(await proFormasOf(tom.subscriptionId)).toEqual([
      { state: 'open', start: '2027-03-25', net: 6000, description: 'Basic' },
    ]);
    const second = await requests.submit(tom.principal, {
      kind: 'upgrade',
      planId: booted.plus.id,
      effective: 'renewal',
    });
    await approve(booted.moduleRef, await approvalOf(booted.db, second.id), booted.officer);
    expect(await proFormasOf(tom.subscriptionId)).toEqual([
      { state: 'cancelled', start: '2027-03-25', net: 6000, description: 'Basic' },
      { state: 'open', start: '2027-03-25', net: 12000, description: 'Plus' },
    ]);
    expect(await runs.execute((await runs.start('2027-03-02', 'staff', null)) as string)).toMatchObject({ issued: 0 });
  });

  it('an upgrade from now: a pro-rata invoice naming the days and both plans, and the next pro-forma re-issued', async () => {
    // On Basic since 10 January 2026: on 2 March, 314 of the period's 365 days are left.
    const mia = await activeMember(booted, booted.basic.id, '2026-01-10');
    await booted.moduleRef.get(AdvanceProFormasService).issue(mia.subscriptionId, 1);
    const made = await requests.submit(mia.principal, { kind: 'upgrade', planId: booted.plus.id, effective: 'now' });
    await approve(booted.moduleRef, await approvalOf(booted.db, made.id), booted.officer);

    const invoices = (await booted.db.query(
      `SELECT d.net_amount AS net, to_char(d.period_start, 'YYYY-MM-DD') AS start,
              to_char(d.period_end, 'YYYY-MM-DD') AS "end", l.description
         FROM billing_documents d JOIN billing_document_lines l ON l.document_id = d.id
        WHERE d.kind = 'invoice' AND d.subject_id = $1 ORDER BY d.issued_at, d.number`,
      [mia.subscriptionId],
    )) as { net: number; start: string; end: string; description: string }[];
    // (12000 − 6000) × 314 / 365 = 5161.64… → 5162 cents.
    expect(invoices[1]).toEqual({
      net: 5162,
      start: '2026-03-02',
      end: '2027-01-09',
      description: 'Change of plan from Basic to Plus: 314 of 365 days',
    });
    expect(await proFormasOf(mia.subscriptionId)).toEqual([
      { state: 'cancelled', start: '2027-01-10', net: 6000, description: 'Basic' },
      { state: 'open', start: '2027-01-10', net: 12000, description: 'Plus' },
    ]);
    // No gap: the same period goes on, on the new plan.
    const [subscription] = await booted.db.query(
      `SELECT plan_id AS "planId", next_plan_id AS "nextPlanId", to_char(current_period_start, 'YYYY-MM-DD') AS start
         FROM subscriptions WHERE id = $1`,
      [mia.subscriptionId],
    );
    expect(subscription).toEqual({ planId: booted.plus.id, nextPlanId: null, start: '2026-01-10' });
    const [mine] = await requests.mine(mia.principal);
    expect(mine.outcome).toMatchObject({ effectiveOn: '2026-03-02', proFormasReissued: 1 });
  });

  it('a termination approved sets the end date and cancels the pro-formas of later periods', async () => {
    const mia = await activeMember(booted, booted.basic.id, '2026-03-28');
    await runs().execute((await runs().start('2027-03-10', 'staff', null)) as string);
    expect(await proFormasOf(mia.subscriptionId)).toHaveLength(1);
    const made = await requests.submit(mia.principal, { kind: 'termination', reason: 'moving', details: 'To Canada' });
    expect(made).toMatchObject({ state: 'pending', endsOn: '2027-03-27', canWithdraw: true });
    await approve(booted.moduleRef, await approvalOf(booted.db, made.id), booted.officer);
    const [subscription] = await booted.db.query(
      `SELECT state, to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", end_reason AS "endReason" FROM subscriptions WHERE id = $1`,
      [mia.subscriptionId],
    );
    expect(subscription).toEqual({
      state: 'active',
      endsOn: '2027-03-27',
      endReason: expect.stringMatching(/^Moving away: To Canada \(request REQ-2026-\d{6}\)$/),
    });
    expect((await proFormasOf(mia.subscriptionId)).map((p) => p.state)).toEqual(['cancelled']);
    const [mine] = await requests.mine(mia.principal);
    expect(mine).toMatchObject({
      state: 'approved',
      decidedByName: 'Olga Officer',
      outcome: { endsOn: '2027-03-27', proFormasCancelled: 1 },
      canWithdraw: false,
    });
    expect(mine.history.map((step) => step.state)).toEqual(['pending', 'approved']);
  });

  function runs() {
    return booted.moduleRef.get(RenewalRunsService);
  }
});

/** Waits until another connection waits on a row lock (the run's batch behind the approval). */
async function waitForLockWait(booted: Booted): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    const [{ n }] = await booted.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE '%FOR SHARE OF s%'`,
    );
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('The renewal run never waited on the subscription row');
}
