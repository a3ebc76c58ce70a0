import type { TesseraClient } from '@tessera/api-client';
import { solveCaptcha, waitUntil } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import { linkTokenFromEmail } from '../support/mail';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * The first half of the product over HTTP: a public application (with its captcha) goes through
 * a two-level flow — level 1 any of two approvers, level 2 all of two — and the member, the portal
 * account and its invitation follow; the applicant activates and finds the membership in /me.
 * At every step each e-mail reaches exactly the people it should. Then the other outcomes:
 * a refusal at level 2, a reassignment, cancellations, and an unassigned user's 403.
 */
describe('membership journey: apply → approve → member → portal (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let ann: StaffSession;
  let andy: StaffSession;
  let bea: StaffSession;
  let ben: StaffSession;
  let cleo: StaffSession;
  let olga: StaffSession;
  let planId: string;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    ann = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    andy = await activatedStaff(stack, admin, 'Andy Approver', ['approver']);
    bea = await activatedStaff(stack, admin, 'Bea Board', ['approver'], 'fr');
    ben = await activatedStaff(stack, admin, 'Ben Board', ['approver']);
    cleo = await activatedStaff(stack, admin, 'Cleo Colleague', ['approver']);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review and board',
        subjectType: 'application',
        levels: [
          { name: 'Review', approverUserIds: [ann.id, andy.id], policy: 'any', dueInDays: 3 },
          { name: 'Board', approverUserIds: [bea.id, ben.id], policy: 'all', dueInDays: 7 },
        ],
      },
    });
    expect(flow.response.status).toBe(201);
    planId = await createYearlyPlan(admin, {
      code: 'journey',
      name: 'Individual membership',
      approvalFlowId: flow.data!.id,
    });
  });
  afterAll(() => stack.stop());

  /** Applies on the public form (captcha, signature), as a person would. */
  async function apply(email: string, firstName = 'Marie'): Promise<{ id: string; reference: string }> {
    const answer = await postApplication(stack.baseUrl, [
      personApplication(planId, { firstName, lastName: 'Curie', email }),
      { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
      { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
    ]);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 201, errors: undefined });
    await stack.intakesSettled(); // the confirmation and the approval request follow in the worker
    return answer.body as { id: string; reference: string };
  }

  /** The request opened for an application. */
  async function requestOf(applicationId: string): Promise<string> {
    const found = await admin.GET('/api/v1/approvals', {
      params: { query: { subjectType: 'application', subjectId: applicationId } },
    });
    expect(found.data!.items).toHaveLength(1);
    return found.data!.items[0].id;
  }

  /**
   * Waits for exactly these e-mails (recipient → subject pattern) since `mark`, then checks that
   * nothing else was sent: each e-mail reaches the right people and no one else.
   */
  async function expectMail(mark: number, expected: [string, RegExp][]): Promise<number> {
    await waitUntil(() => stack.sink.messages().length - mark >= expected.length, {
      description: `${expected.length} e-mails`,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const sent = stack.sink
      .messages()
      .slice(mark)
      .map((message) => ({ to: message.to.join(','), subject: message.subject }))
      .sort((a, b) => a.to.localeCompare(b.to) || a.subject.localeCompare(b.subject));
    // Expected e-mails to one recipient are listed in the alphabetical order of their subjects.
    expect(sent).toEqual(
      [...expected]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([to, subject]) => ({ to, subject: expect.stringMatching(subject) })),
    );
    return stack.sink.messages().length;
  }

  const approve = (who: StaffSession, id: string) =>
    who.client.POST('/api/v1/approvals/{id}/approve', { params: { path: { id } }, body: {} });

  it('approves an application through two levels, makes the member and its account, and the member signs in', async () => {
    const email = uniqueEmail('marie');
    let mark = stack.sink.messages().length;
    const application = await apply(email);
    mark = await expectMail(mark, [
      [email, /We received your membership application/],
      [ann.email, /Approval needed: Marie Curie/],
      [andy.email, /Approval needed: Marie Curie/],
    ]);
    const requestId = await requestOf(application.id);

    // Level 1 (any): Ann's approval completes it and opens level 2 for both board members.
    expect((await approve(ann, requestId)).response.status).toBe(200);
    mark = await expectMail(mark, [
      [bea.email, /Approbation demandée/],
      [ben.email, /Approval needed/],
    ]);
    // Andy's turn has passed: deciding now is a conflict, not a decision on level 2.
    expect((await approve(andy, requestId)).response.status).toBe(409);

    // Level 2 (all): Bea alone is not enough; Ben completes it.
    expect((await approve(bea, requestId)).data).toMatchObject({ status: 'pending', currentLevel: { number: 2 } });
    const last = await approve(ben, requestId);
    expect(last.data).toMatchObject({ status: 'approved' });
    // Approval subscribes her and issues her first invoice, e-mailed with its PDF by the worker.
    await expectMail(mark, [
      [email, /Activate your member account/],
      [email, /^Invoice INV-\d{4}-000001$/],
      [email, /Welcome: your application .* is approved/],
      [olga.email, /approved: Marie Curie/],
    ]);

    const detail = await olga.client.GET('/api/v1/applications/{id}', { params: { path: { id: application.id } } });
    expect(detail.data).toMatchObject({ status: 'approved', memberId: expect.any(String) });
    const member = await olga.client.GET('/api/v1/members/{id}', { params: { path: { id: detail.data!.memberId! } } });
    expect(member.data).toMatchObject({
      kind: 'person',
      name: 'Marie Curie',
      status: 'upcoming',
      plan: { id: planId, name: 'Individual membership' },
      source: { type: 'application', reference: application.reference },
      // She applied herself: not "auto-registered" (that is for accounts nobody asked for, e.g. orders).
      portalAccount: { state: 'invited', createdFrom: 'application', autoCreated: false, needsAcknowledgement: false },
    });

    const { token } = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', {
      body: { token, password: 'Marie-Curie-Radium-1898' },
    });
    expect(activated.response.status).toBe(200);
    const asMarie = authorized(stack, activated.data!.accessToken);
    const me = await asMarie.GET('/api/v1/me');
    expect(me.data).toMatchObject({
      user: { email, roles: ['member'] },
      member: { id: member.data!.id, number: member.data!.number, status: 'upcoming' },
    });
    // Signing in again works with the chosen password.
    const again = await stack.client.POST('/api/v1/auth/login', {
      body: { email, password: 'Marie-Curie-Radium-1898' },
    });
    expect(again.response.status).toBe(200);
    expect(
      (await olga.client.GET('/api/v1/members/{id}', { params: { path: { id: member.data!.id } } })).data!.portalAccount
        .state,
    ).toBe('active');
  });

  it('refuses at level 2 with the reason e-mailed to the applicant, and makes no member', async () => {
    const email = uniqueEmail('refused');
    let mark = stack.sink.messages().length;
    const application = await apply(email, 'Pierre');
    const requestId = await requestOf(application.id);
    await approve(andy, requestId);
    mark = await expectMail(mark, [
      [email, /We received/],
      [ann.email, /Approval needed/],
      [andy.email, /Approval needed/],
      [bea.email, /Approbation demandée/],
      [ben.email, /Approval needed/],
    ]);
    const noReason = await ben.client.POST('/api/v1/approvals/{id}/refuse', {
      params: { path: { id: requestId } },
      body: {} as never,
    });
    expect(noReason.response.status).toBe(400);
    const refused = await ben.client.POST('/api/v1/approvals/{id}/refuse', {
      params: { path: { id: requestId } },
      body: { reason: 'The professional licence could not be verified.' },
    });
    expect(refused.data).toMatchObject({ status: 'refused' });
    await expectMail(mark, [
      [email, /was not accepted/],
      [olga.email, /refused: Pierre Curie/],
    ]);
    const refusal = stack.sink.messagesTo(email).find((message) => /not accepted/.test(message.subject));
    expect(refusal!.text).toContain('The professional licence could not be verified.');
    const detail = await olga.client.GET('/api/v1/applications/{id}', { params: { path: { id: application.id } } });
    expect(detail.data).toMatchObject({ status: 'refused', memberId: null });
    // A closed request takes no more decisions.
    expect((await approve(bea, requestId)).response.status).toBe(409);
  });

  it('hands a decision to a colleague, who is e-mailed and decides; an unassigned user gets 403', async () => {
    const email = uniqueEmail('reassigned');
    let mark = stack.sink.messages().length;
    const application = await apply(email, 'Irène');
    const requestId = await requestOf(application.id);
    mark = await expectMail(mark, [
      [email, /We received/],
      [ann.email, /Approval needed/],
      [andy.email, /Approval needed/],
    ]);
    expect((await approve(cleo, requestId)).response.status).toBe(403);
    expect((await approve(bea, requestId)).response.status).toBe(403);

    const handed = await ann.client.POST('/api/v1/approvals/{id}/reassign', {
      params: { path: { id: requestId } },
      body: { toUserId: cleo.id, comment: 'Cleo knows this applicant.' },
    });
    expect(handed.response.status).toBe(200);
    mark = await expectMail(mark, [[cleo.email, /Ann Approver handed you a decision/]]);
    // Ann handed her decision on: it is no longer hers to take.
    expect((await approve(ann, requestId)).response.status).toBe(409);
    expect((await approve(cleo, requestId)).data).toMatchObject({ status: 'pending', currentLevel: { number: 2 } });
    await expectMail(mark, [
      [bea.email, /Approbation demandée/],
      [ben.email, /Approval needed/],
    ]);
  });

  it('cancels through the approval (staff) or from the application, telling the applicant either way', async () => {
    const first = uniqueEmail('cancel-approval');
    const second = uniqueEmail('cancel-application');
    let mark = stack.sink.messages().length;
    const viaApproval = await apply(first, 'Ève');
    const viaApplication = await apply(second, 'Hélène');
    mark = await expectMail(mark, [
      [first, /We received/],
      [second, /We received/],
      [ann.email, /Approval needed/],
      [ann.email, /Approval needed/],
      [andy.email, /Approval needed/],
      [andy.email, /Approval needed/],
    ]);

    const byApprover = await ann.client.POST('/api/v1/approvals/{id}/cancel', {
      params: { path: { id: await requestOf(viaApproval.id) } },
      body: { reason: 'Applied twice by mistake.' },
    });
    expect(byApprover.response.status).toBe(403);
    const cancelled = await olga.client.POST('/api/v1/approvals/{id}/cancel', {
      params: { path: { id: await requestOf(viaApproval.id) } },
      body: { reason: 'Applied twice by mistake.' },
    });
    expect(cancelled.data).toMatchObject({ status: 'cancelled' });
    mark = await expectMail(mark, [
      [first, /was cancelled/],
      [olga.email, /cancelled: Ève Curie/],
    ]);

    const fromApplication = await olga.client.POST('/api/v1/applications/{id}/cancel', {
      params: { path: { id: viaApplication.id } },
      body: { reason: 'The applicant withdrew.' },
    });
    expect(fromApplication.data).toMatchObject({ status: 'cancelled' });
    await expectMail(mark, [
      [second, /was cancelled/],
      [olga.email, /cancelled: Hélène Curie/],
    ]);
    const request = await olga.client.GET('/api/v1/approvals/{id}', {
      params: { path: { id: await requestOf(viaApplication.id) } },
    });
    expect(request.data).toMatchObject({ status: 'cancelled' });
    expect((await approve(ann, request.data!.id)).response.status).toBe(409);
  });
});
