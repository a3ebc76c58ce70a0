import type { Schemas, TesseraClient } from '@tessera/api-client';
import { createTesseraClient } from '@tessera/api-client';
import { Clock } from '@tessera/core';
import { waitUntil, type SinkMessage } from '@tessera/testing';
import { approvedMember } from '../browser/approved-member';
import { pdfQrCodes } from '../support/pdf-qr-code';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Document = Schemas['BillingDocumentSummaryDto'];

/** A local date `days` after another (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * Member self-service over HTTP (issue 17): a member asks to move to a dearer plan from now, the
 * officer approves, the pro-rata invoice is paid and the subscription is on the new plan with both
 * in its history; another moves at renewal and the next pro-forma is on the new plan; a second
 * request is a 409 saying when the first was made; a cheaper plan starts at renewal only; a refusal
 * e-mails its reason; a termination approved sets the end date and cancels later pro-formas, and the
 * day after it the status engine makes the member an Ex-member and their card no longer verifies;
 * staff end a membership on a member's behalf; e-mails name who decided. The API's and the worker's
 * clocks are moved by the test for the last case (a spy on the one Clock each process has).
 */
describe('member requests (API over HTTP, worker, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let olga: StaffSession;
  let fiona: StaffSession;
  let basicId: string;
  let plusId: string;
  let lightId: string;
  /** How far the test has moved the API's and the worker's clocks ahead. */
  let clockOffsetMs = 0;

  beforeAll(async () => {
    stack = await startStack();
    for (const app of [stack.api, stack.worker])
      jest
        .spyOn(app.get(Clock, { strict: false }), 'now')
        .mockImplementation(() => new Date(Date.now() + clockOffsetMs));
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    fiona = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    basicId = await createYearlyPlan(admin, { code: 'basic', name: 'Basic membership' });
    const plus = await admin.POST('/api/v1/plans', {
      body: {
        code: 'plus',
        name: 'Plus membership',
        applicantKinds: ['individual'],
        price: { amount: 10000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    plusId = plus.data!.id;
    lightId = await createYearlyPlan(admin, {
      code: 'light',
      name: 'Light membership',
      price: { amount: 3000, currency: 'EUR' },
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await stack.stop();
  });

  const mailTo = (to: string, subject: RegExp): Promise<SinkMessage> =>
    stack.sink.waitFor((message) => message.to.includes(to) && subject.test(message.subject), {
      description: `an e-mail "${subject}" to ${to}`,
      timeoutMs: 20_000,
    });

  /** A member on Basic whose first invoice is paid: their client and e-mail. */
  async function paidMember(firstName: string): Promise<{ client: TesseraClient; email: string; memberId: string }> {
    const email = uniqueEmail(firstName.toLowerCase());
    const { token } = await approvedMember(stack, admin, olga, basicId, {
      firstName,
      lastName: 'Requester',
      email,
      password: 'Member-password-2026',
    });
    const client = createTesseraClient({ baseUrl: stack.baseUrl, headers: { Authorization: `Bearer ${token}` } });
    const [first] = (await client.GET('/api/v1/me/invoices')).data!.items;
    await pay(first.member.id, first);
    return { client, email, memberId: first.member.id };
  }

  async function pay(memberId: string, document: Pick<Document, 'id' | 'amountDue' | 'issueDate'>): Promise<void> {
    const paid = await fiona.client.POST('/api/v1/payments', {
      body: {
        memberId,
        amount: document.amountDue,
        method: 'bank-transfer',
        date: document.issueDate,
        allocations: [{ documentId: document.id, amount: document.amountDue.amount }],
      },
    });
    expect(paid.response.status).toBe(201);
  }

  /** The approval request deciding a member's request, as staff see it. */
  async function approvalOf(requestId: string): Promise<string> {
    const request = await olga.client.GET('/api/v1/member-requests/{id}', { params: { path: { id: requestId } } });
    return request.data!.approvalRequestId!;
  }

  async function approveRequest(requestId: string, comment?: string): Promise<void> {
    const approved = await olga.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: await approvalOf(requestId) } },
      body: comment ? { comment } : {},
    });
    expect(approved.data).toMatchObject({ status: 'approved' });
  }

  it('upgrade from now: previewed, approved, a pro-rata invoice paid, the subscription on the new plan with both in its history', async () => {
    const ada = await paidMember('Ada');
    const options = (await ada.client.GET('/api/v1/me/requests/options')).data!;
    expect(options.membership).toMatchObject({ plan: { name: 'Basic membership' } });
    expect(options.plans).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: plusId,
          direction: 'higher',
          effects: ['now', 'renewal'],
          price: { amount: 10000, currency: 'EUR' },
        }),
        // A cheaper plan: at renewal only.
        expect.objectContaining({ id: lightId, direction: 'lower', effects: ['renewal'] }),
      ]),
    );
    expect(options.plans).toHaveLength(2);

    const body = { kind: 'upgrade' as const, planId: plusId, effective: 'now' as const, note: 'I want to vote.' };
    const preview = (await ada.client.POST('/api/v1/me/requests/preview', { body })).data!;
    const period = options.membership!.currentPeriod;
    expect(preview.upgrade).toMatchObject({
      from: { name: 'Basic membership' },
      to: { name: 'Plus membership' },
      effective: 'now',
      currentPeriod: period,
      proRata: { to: period.end, fullDays: expect.any(Number) },
    });
    const proRata = preview.upgrade!.proRata!;
    // 4000 × days / fullDays, half away from zero.
    expect(proRata.net.amount).toBe(Math.round((4000 * proRata.days) / proRata.fullDays));

    const made = await ada.client.POST('/api/v1/me/requests', { body });
    expect(made.response.status).toBe(201);
    expect(made.data).toMatchObject({ state: 'pending', kind: 'upgrade', toPlan: { id: plusId }, canWithdraw: true });
    const receipt = await mailTo(ada.email, /received your plan change request REQ-/);
    expect(receipt.text).toContain('to move to Plus membership from today');
    await mailTo(olga.email, /Approval needed|approval/i);

    // Staff see it with the member's status, plan, balance and the price effect.
    const staffView = (
      await olga.client.GET('/api/v1/member-requests', { params: { query: { memberId: ada.memberId } } })
    ).data!.items[0];
    expect(staffView).toMatchObject({
      member: { status: 'member' },
      currentPlan: { name: 'Basic membership' },
      balance: { amount: 0, currency: 'EUR' },
      priceEffect: { from: { amount: 6000 }, to: { amount: 10000 }, difference: { amount: 4000 } },
    });

    // The approver's comment reaches the member: in the outcome e-mails and the request's history.
    const comment = 'Welcome to Plus: see you at the congress.';
    await approveRequest(made.data!.id, comment);
    const outcome = await mailTo(ada.email, /plan change request REQ-\S+ was approved/);
    expect(outcome.text).toContain('approved by Olga Officer');
    expect(outcome.text).toContain(`Comment: “${comment}”`);
    expect(outcome.html).toContain(comment);
    const toOfficer = await mailTo(olga.email, /plan change REQ-\S+ approved/);
    expect(toOfficer.text).toContain(`Comment: “${comment}”`);

    const mine = (await ada.client.GET('/api/v1/me/requests')).data!.items[0];
    expect(mine).toMatchObject({
      state: 'approved',
      decidedByName: 'Olga Officer',
      decisionNote: comment,
      outcome: { invoice: { amount: proRata.gross } },
    });
    expect(mine.history).toEqual([
      expect.objectContaining({ state: 'pending', by: 'Ada Requester', note: null }),
      expect.objectContaining({ state: 'approved', by: 'Olga Officer', note: comment }),
    ]);
    const staffDecided = (
      await olga.client.GET('/api/v1/member-requests', { params: { query: { memberId: ada.memberId } } })
    ).data!.items[0];
    // Its balance now counts the pro-rata invoice, unpaid.
    expect(staffDecided).toMatchObject({ decisionNote: comment, history: mine.history, balance: proRata.gross });
    const invoices = (await ada.client.GET('/api/v1/me/invoices')).data!.items;
    const invoice = invoices.find((document) => document.id === mine.outcome!.invoice!.id)!;
    expect(invoice).toMatchObject({ kind: 'invoice', state: 'open', amountDue: proRata.gross });
    const detail = await olga.client.GET('/api/v1/invoices/{id}', { params: { path: { id: invoice.id } } });
    expect(detail.data!.lines[0].description).toBe(
      `Change of plan from Basic membership to Plus membership: ${proRata.days} of ${proRata.fullDays} days`,
    );

    await pay(ada.memberId, invoice);
    const subscription = (await ada.client.GET('/api/v1/me/subscription')).data!.subscription!;
    expect(subscription).toMatchObject({
      state: 'active',
      plan: { name: 'Plus membership' },
      currentPeriod: period,
      nextPlan: null,
    });
    expect(subscription.history.map((event) => event.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Plan changed from Basic membership to Plus membership from \d{4}-\d{2}-\d{2} \(request REQ-/,
        ),
      ]),
    );
    const paidInvoice = (await ada.client.GET('/api/v1/me/invoices')).data!.items.find((d) => d.id === invoice.id)!;
    expect(paidInvoice.state).toBe('paid');
    const member = await olga.client.GET('/api/v1/members/{id}', { params: { path: { id: ada.memberId } } });
    expect(member.data).toMatchObject({ status: 'member', plan: { name: 'Plus membership' } });
  });

  it('a second request of a kind is a 409 saying when the first was made; the member may withdraw it', async () => {
    const bob = await paidMember('Bob');
    const body = { kind: 'upgrade' as const, planId: plusId, effective: 'renewal' as const };
    const first = await bob.client.POST('/api/v1/me/requests', { body });
    expect(first.response.status).toBe(201);
    const second = await bob.client.POST('/api/v1/me/requests', { body });
    expect(second.response.status).toBe(409);
    expect(second.response.headers.get('content-type')).toContain('application/problem+json');
    expect(second.error).toMatchObject({
      type: 'urn:tessera:problem:member-request-pending',
      detail: expect.stringMatching(
        /^You already asked to change your plan on \d{1,2} \w+ \d{4} \(REQ-\d{4}-\d{6}\); that request is being reviewed\./,
      ),
      pendingRequestId: first.data!.id,
    });
    const withdrawn = await bob.client.POST('/api/v1/me/requests/{id}/withdraw', {
      params: { path: { id: first.data!.id } },
    });
    expect(withdrawn.data).toMatchObject({ state: 'withdrawn', canWithdraw: false });
    expect(withdrawn.data!.history.map((step) => step.state)).toEqual(['pending', 'withdrawn']);
    const again = await bob.client.POST('/api/v1/me/requests/{id}/withdraw', {
      params: { path: { id: first.data!.id } },
    });
    expect(again.response.status).toBe(409);
    // Someone else's request is not found.
    const other = await olga.client.GET('/api/v1/member-requests', { params: { query: { state: 'approved' } } });
    const foreign = other.data!.items[0];
    expect(
      (await bob.client.POST('/api/v1/me/requests/{id}/withdraw', { params: { path: { id: foreign.id } } })).response
        .status,
    ).toBe(404);
    // A cheaper plan may not start now (no refunds mid-period), in the preview as in the request…
    const lightNow = { kind: 'upgrade' as const, planId: lightId, effective: 'now' as const };
    for (const refused of [
      await bob.client.POST('/api/v1/me/requests/preview', { body: lightNow }),
      await bob.client.POST('/api/v1/me/requests', { body: lightNow }),
    ])
      expect(refused.error).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:plan-change-refused',
        detail: 'Light membership costs less: a lower price takes effect at your next renewal only.',
      });
    // …only at the next renewal, with nothing to pay now.
    const current = (await bob.client.GET('/api/v1/me/subscription')).data!.subscription!;
    const lightAtRenewal = await bob.client.POST('/api/v1/me/requests/preview', {
      body: { kind: 'upgrade', planId: lightId, effective: 'renewal' },
    });
    expect(lightAtRenewal.data!.upgrade).toMatchObject({
      effective: 'renewal',
      effectiveOn: current.nextRenewalDate,
      toPrice: { amount: 3000 },
      proRata: null,
    });
    const downgrade = await bob.client.POST('/api/v1/me/requests', {
      body: { kind: 'upgrade', planId: lightId, effective: 'renewal' },
    });
    expect(downgrade.response.status).toBe(201);
    expect(
      (await bob.client.POST('/api/v1/me/requests', { body: { kind: 'upgrade', planId: basicId, effective: 'now' } }))
        .error,
    ).toMatchObject({ status: 409, type: 'urn:tessera:problem:member-request-pending' });
  });

  it('a refusal e-mails its reason to the member and the officers, naming who refused', async () => {
    const finn = await paidMember('Finn');
    const made = await finn.client.POST('/api/v1/me/requests', {
      body: { kind: 'upgrade', planId: plusId, effective: 'renewal' },
    });
    const reason = 'Plus is for members of two years or more.';
    const refusal = await olga.client.POST('/api/v1/approvals/{id}/refuse', {
      params: { path: { id: await approvalOf(made.data!.id) } },
      body: { reason },
    });
    expect(refusal.data).toMatchObject({ status: 'refused' });

    const toMember = await mailTo(finn.email, /plan change request REQ-\S+ was refused/);
    expect(toMember.text).toContain(
      `Your request ${made.data!.reference} to move from Basic membership to Plus membership was refused by Olga Officer.`,
    );
    expect(toMember.text).toContain(`Reason: “${reason}”`);
    expect(toMember.html).toContain(reason);
    const toOfficer = await mailTo(
      olga.email,
      new RegExp(`Finn Requester: plan change ${made.data!.reference} refused`),
    );
    expect(toOfficer.text).toContain('was refused by Olga Officer');
    expect(toOfficer.text).toContain(`Reason: “${reason}”`);

    const [mine] = (await finn.client.GET('/api/v1/me/requests')).data!.items;
    expect(mine).toMatchObject({ state: 'refused', decidedByName: 'Olga Officer', decisionNote: reason });
    const subscription = (await finn.client.GET('/api/v1/me/subscription')).data!.subscription!;
    expect(subscription).toMatchObject({ plan: { name: 'Basic membership' }, nextPlan: null });
  });

  it('upgrade at renewal: the next pro-forma is on the new plan', async () => {
    const cleo = await paidMember('Cleo');
    const made = await cleo.client.POST('/api/v1/me/requests', {
      body: { kind: 'upgrade', planId: plusId, effective: 'renewal' },
    });
    await approveRequest(made.data!.id);
    const subscription = (await cleo.client.GET('/api/v1/me/subscription')).data!.subscription!;
    expect(subscription).toMatchObject({ plan: { name: 'Basic membership' }, nextPlan: { id: plusId } });
    const started = await olga.client.POST('/api/v1/renewal-runs', { body: { asOf: subscription.currentPeriod.end } });
    await waitUntil(
      async () =>
        (await olga.client.GET('/api/v1/renewal-runs/{id}', { params: { path: { id: started.data!.id } } })).data!
          .state === 'done',
      { timeoutMs: 20_000, description: 'the renewal run' },
    );
    const proForma = (await cleo.client.GET('/api/v1/me/invoices')).data!.items.find((d) => d.kind === 'pro-forma')!;
    expect(proForma).toMatchObject({
      state: 'open',
      totals: expect.objectContaining({ gross: { amount: 10000, currency: 'EUR' } }),
      period: { start: subscription.nextRenewalDate },
    });
    // Paid, the subscription enters that period on Plus.
    await pay(cleo.memberId, proForma);
    const renewed = (await cleo.client.GET('/api/v1/me/subscription')).data!.subscription!;
    expect(renewed).toMatchObject({
      plan: { name: 'Plus membership' },
      nextPlan: null,
      currentPeriod: { start: subscription.nextRenewalDate },
    });
  });

  it('termination approved: the end date is set and later pro-formas are cancelled; staff can end one on a member’s behalf', async () => {
    const dora = await paidMember('Dora');
    const current = (await dora.client.GET('/api/v1/me/subscription')).data!.subscription!;
    const ahead = await dora.client.POST('/api/v1/me/subscription/advance-pro-formas', { body: { periods: 2 } });
    expect(ahead.data).toMatchObject({ issued: 2 });
    // The last day: the end of the current period by default, or a later one, never an earlier one.
    const periodEnd = current.currentPeriod.end;
    const termination = (effectiveDate?: string) =>
      dora.client.POST('/api/v1/me/requests/preview', {
        body: { kind: 'termination', reason: 'moving', effectiveDate },
      });
    expect((await termination()).data!.termination).toMatchObject({ endsOn: periodEnd });
    expect((await termination(addDays(periodEnd, 45))).data!.termination).toMatchObject({
      endsOn: addDays(periodEnd, 45),
    });
    expect((await termination(addDays(periodEnd, -1))).error).toMatchObject({
      status: 400,
      errors: [{ field: 'effectiveDate', message: `must be on or after the end of the current period, ${periodEnd}` }],
    });
    const made = await dora.client.POST('/api/v1/me/requests', {
      body: { kind: 'termination', reason: 'moving', details: 'Going abroad' },
    });
    expect(made.data).toMatchObject({ state: 'pending', endsOn: current.currentPeriod.end });
    await approveRequest(made.data!.id);
    const outcome = await mailTo(dora.email, /termination request REQ-\S+ was approved/);
    expect(outcome.text).toMatch(/Your membership ends on/);
    const toOfficer = await mailTo(olga.email, /^Dora Requester: termination REQ-\S+ approved$/);
    expect(toOfficer.text).toContain('was approved by Olga Officer');
    expect(toOfficer.text).toMatch(/Their membership ends on/);
    const subscription = (await dora.client.GET('/api/v1/me/subscription')).data!.subscription!;
    // Ending with its period, it has no renewal ahead.
    expect(subscription).toMatchObject({ state: 'active', endsOn: current.currentPeriod.end, nextRenewalDate: null });
    const proFormas = (await dora.client.GET('/api/v1/me/invoices')).data!.items.filter((d) => d.kind === 'pro-forma');
    expect(proFormas.map((d) => d.state)).toEqual(['cancelled', 'cancelled']);

    // Staff end Eve's membership a month after her period, as she asked by phone.
    const eve = await paidMember('Eve');
    const eveLastDay = addDays(
      (await eve.client.GET('/api/v1/me/subscription')).data!.subscription!.currentPeriod.end,
      30,
    );
    const ended = await olga.client.POST('/api/v1/members/{id}/termination', {
      params: { path: { id: eve.memberId } },
      body: { reason: 'other', details: 'Asked by phone', effectiveDate: eveLastDay },
    });
    expect(ended.response.status).toBe(201);
    expect(ended.data).toMatchObject({
      state: 'approved',
      onBehalf: true,
      decidedByName: 'Olga Officer',
      canWithdraw: false,
      endsOn: eveLastDay,
      outcome: { endsOn: eveLastDay },
    });
    expect(ended.data!.history.map((step) => [step.state, step.by])).toEqual([
      ['pending', 'Olga Officer'],
      ['approved', 'Olga Officer'],
    ]);
    // Ending a month into her next period, that period still starts.
    expect((await eve.client.GET('/api/v1/me/subscription')).data!.subscription).toMatchObject({
      endsOn: eveLastDay,
      nextRenewalDate: addDays(eveLastDay, -29),
    });
    const told = await mailTo(eve.email, /termination request REQ-\S+ was approved/);
    expect(told.text).toContain('was approved by Olga Officer');
    const again = await olga.client.POST('/api/v1/members/{id}/termination', {
      params: { path: { id: eve.memberId } },
      body: { reason: 'other' },
    });
    expect(again.response.status).toBe(409);
    const mine = (await eve.client.GET('/api/v1/me/requests')).data!.items;
    expect(mine).toEqual([expect.objectContaining({ kind: 'termination', state: 'approved', onBehalf: true })]);
  });

  // Last: it moves the clocks a year ahead.
  it('termination approved: an Ex-member the day after the period ends, and the card’s QR link no longer verifies', async () => {
    const gwen = await paidMember('Gwen');
    const periodEnd = (await gwen.client.GET('/api/v1/me/subscription')).data!.subscription!.currentPeriod.end;
    const card = (await gwen.client.GET('/api/v1/me/card')).data!;
    // The link a phone reads from the card's QR code.
    const pdf = await gwen.client.GET('/api/v1/me/card.pdf', { parseAs: 'arrayBuffer' });
    expect(pdf.response.headers.get('content-type')).toBe('application/pdf');
    const qrLinks = await pdfQrCodes(Buffer.from(pdf.data as unknown as ArrayBuffer));
    expect(qrLinks).toEqual([card.verifyUrl]);
    const verify = async () => {
      const token = new URL(qrLinks[0]).pathname.split('/').pop()!;
      const answer = await stack.client.GET('/api/v1/verify/{token}', { params: { path: { token } } });
      expect(answer.response.status).toBe(200);
      return answer.data;
    };
    expect(await verify()).toEqual({ valid: true, validUntil: periodEnd, name: 'Gwen Requester' });

    const made = await gwen.client.POST('/api/v1/me/requests', { body: { kind: 'termination', reason: 'cost' } });
    await approveRequest(made.data!.id);
    // Still a member until the last day, and the card says so.
    expect(await verify()).toEqual({ valid: true, validUntil: periodEnd, name: 'Gwen Requester' });

    // On the last day nothing moves; the day after, the status engine makes Gwen an Ex-member.
    const staffAt = async (date: string) => {
      clockOffsetMs = new Date(`${date}T11:00:00Z`).getTime() - Date.now();
      // Sessions expire by the same clock: staff sign in again at the new time.
      admin = authorized(stack, (await stack.client.POST('/api/v1/auth/login', { body: ADMIN })).data!.accessToken);
      const login = await stack.client.POST('/api/v1/auth/login', {
        body: { email: olga.email, password: olga.password },
      });
      olga.client = authorized(stack, login.data!.accessToken);
    };
    const sweep = async () => {
      const started = await admin.POST('/api/v1/status-sweeps');
      expect(started.response.status).toBe(202);
      return waitUntil(
        async () => {
          const run = (
            await olga.client.GET('/api/v1/status-sweeps/{id}', { params: { path: { id: started.data!.id } } })
          ).data!;
          if (run.state === 'failed') throw new Error(`The sweep failed: ${run.error}`);
          return run.state === 'done' && run;
        },
        { timeoutMs: 20_000, description: 'the status sweep' },
      );
    };
    const status = async () =>
      (await olga.client.GET('/api/v1/members/{id}/status', { params: { path: { id: gwen.memberId } } })).data!;

    await staffAt(periodEnd);
    await sweep();
    expect(await status()).toMatchObject({ current: 'member' });
    expect(await verify()).toMatchObject({ valid: true });

    await staffAt(addDays(periodEnd, 1));
    await sweep();
    const ended = await status();
    expect(ended).toMatchObject({ current: 'ex-member', reason: { code: 'ended' } });
    expect(ended.reason.text).toMatch(/^Membership ended on .+: Too expensive \(request REQ-\d{4}-\d{6}\)$/);
    expect(await verify()).toEqual({ valid: false, validUntil: null, name: 'Gwen Requester' });
    clockOffsetMs = 0;
  });
});
