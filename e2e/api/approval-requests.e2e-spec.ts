import { randomUUID } from 'node:crypto';
import { ApprovalService, ApprovalSubjectRegistry } from '@tessera/approval';
import type { TesseraClient } from '@tessera/api-client';
import { Transactions } from '@tessera/core';
import { extractLinks } from '@tessera/testing';
import { pdfFile } from '../support/fixtures';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

/**
 * An approval request driven over HTTP: e-mailed approvers, the inbox and its badge, an
 * attachment, a reassignment, two levels, a refusal with its reason, and the 4xx on the way.
 * The request is opened through the app's ApprovalService, as an owning domain does, for a
 * subject that does not exist; the subject type's handler (share subscriptions, see
 * share-subscriptions.e2e-spec) is taken off first, so only the engine acts.
 */
describe('approval requests (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let adminToken: string;
  let ann: StaffSession;
  let bob: StaffSession;
  let claire: StaffSession;
  let fred: StaffSession;
  let flowId: string;

  beforeAll(async () => {
    stack = await startStack();
    const registry = stack.api.get(ApprovalSubjectRegistry);
    registry.unregister(registry.handlerFor('share_subscription')!);
    expect(registry.handlerFor('share_subscription')).toBeUndefined();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    adminToken = session.data!.accessToken;
    admin = authorized(stack, adminToken);
    ann = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    bob = await activatedStaff(stack, admin, 'Bob Approver', ['approver'], 'fr');
    claire = await activatedStaff(stack, admin, 'Claire Approver', ['approver']);
    fred = await activatedStaff(stack, admin, 'Fred Finance', ['finance']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Two levels',
        subjectType: 'share_subscription',
        levels: [
          { name: 'Check', approverUserIds: [ann.id], policy: 'any', dueInDays: 5 },
          { name: 'Sign-off', approverUserIds: [claire.id], policy: 'any', dueInDays: 2 },
        ],
      },
    });
    flowId = flow.data!.id;
  });
  afterAll(() => stack.stop());

  async function open(title: string): Promise<{ id: string; subjectId: string }> {
    const subjectId = randomUUID();
    const { id } = await stack.api.get(Transactions).run(() =>
      stack.api.get(ApprovalService).open({
        subjectType: 'share_subscription',
        subjectId,
        flowId,
        title,
        reference: 'APP-2026-000777',
        openedBy: null,
      }),
    );
    return { id, subjectId };
  }

  const raw = (path: string, init: RequestInit, token: string) =>
    fetch(`${stack.baseUrl}${path}`, { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } });

  it('takes a request through its levels over HTTP', async () => {
    const { id, subjectId } = await open('Grace Hopper');

    // Ann is e-mailed a link to the request in the back office.
    const requested = await stack.sink.waitFor((m) => m.to.includes(ann.email) && /Approval needed/.test(m.subject), {
      description: 'the approval-requested e-mail to Ann',
    });
    expect(requested.subject).toBe('Approval needed: Grace Hopper (APP-2026-000777)');
    expect(extractLinks(requested)).toContain(`http://tessera.test/office/approvals/${id}`);

    // Her inbox and badge show it; the subject finds it too.
    const inbox = await ann.client.GET('/api/v1/approvals', {
      params: { query: { assignee: 'me', status: 'pending' } },
    });
    expect(inbox.data).toMatchObject({
      total: 1,
      items: [
        {
          id,
          subject: { type: 'share_subscription', id: subjectId, title: 'Grace Hopper', reference: 'APP-2026-000777' },
          status: 'pending',
          currentLevel: { number: 1, name: 'Check' },
          overdue: false,
          myAssignment: 'pending',
        },
      ],
    });
    expect((await ann.client.GET('/api/v1/approvals/summary')).data).toEqual({ pending: 1, overdue: 0 });
    const bySubject = await admin.GET('/api/v1/approvals', {
      params: { query: { subjectType: 'share_subscription', subjectId } },
    });
    expect(bySubject.data?.items.map((item) => item.id)).toEqual([id]);

    // A document, attached and downloaded.
    const pdf = pdfFile('Background check');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'check.pdf');
    form.append('comment', 'Background check');
    const attached = await raw(`/api/v1/approvals/${id}/attachments`, { method: 'POST', body: form }, ann.token);
    expect(attached.status).toBe(201);
    const attachment = (await attached.json()) as { id: string; filename: string };
    expect(attachment.filename).toBe('check.pdf');
    const download = await raw(`/api/v1/approvals/${id}/attachments/${attachment.id}`, {}, adminToken);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="check.pdf"; filename*=UTF-8''check.pdf`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf);

    // Ann hands her decision to Bob, who is e-mailed in French.
    const reassigned = await ann.client.POST('/api/v1/approvals/{id}/reassign', {
      params: { path: { id } },
      body: { toUserId: bob.id, comment: 'En congé' },
    });
    expect(reassigned.data?.canDecide).toBe(false);
    const toBob = await stack.sink.waitFor((m) => m.to.includes(bob.email) && /vous confie/.test(m.subject), {
      description: 'the approval-reassigned e-mail to Bob',
    });
    expect(toBob.text).toContain('Sa note : En congé');

    // Ann may no longer decide; a finance user never could.
    const annAgain = await ann.client.POST('/api/v1/approvals/{id}/approve', { params: { path: { id } }, body: {} });
    expect(annAgain.error).toMatchObject({ status: 409, detail: expect.stringContaining('reassigned') });
    const byFred = await fred.client.POST('/api/v1/approvals/{id}/approve', { params: { path: { id } }, body: {} });
    expect(byFred.response.status).toBe(403);
    expect(byFred.response.headers.get('content-type')).toContain('application/problem+json');

    // Bob approves level 1: level 2 opens and Claire is e-mailed.
    const afterBob = await bob.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id } },
      body: { comment: 'OK', level: 1 },
    });
    expect(afterBob.data).toMatchObject({ status: 'pending', currentLevel: { number: 2, name: 'Sign-off' } });
    await stack.sink.waitFor((m) => m.to.includes(claire.email) && /Approval needed/.test(m.subject), {
      description: 'the approval-requested e-mail to Claire',
    });

    // Claire refuses: a reason is required, then the request is refused, and closed to decisions.
    const noReason = await claire.client.POST('/api/v1/approvals/{id}/refuse', {
      params: { path: { id } },
      body: { reason: '' },
    });
    expect(noReason.error).toMatchObject({ status: 400, errors: [{ field: 'reason', message: expect.any(String) }] });
    const refused = await claire.client.POST('/api/v1/approvals/{id}/refuse', {
      params: { path: { id } },
      body: { reason: 'The references do not check out.' },
    });
    expect(refused.data).toMatchObject({ status: 'refused', canDecide: false, canCancel: false, canAttach: true });
    const again = await claire.client.POST('/api/v1/approvals/{id}/approve', { params: { path: { id } }, body: {} });
    expect(again.error).toMatchObject({
      status: 409,
      detail: 'This approval request was refused; it can no longer be approved.',
    });

    // The whole story is in the audit trail, with names.
    const detail = await admin.GET('/api/v1/approvals/{id}', { params: { path: { id } } });
    expect(detail.data?.history.map((event) => [event.type, event.actor.name])).toEqual([
      ['opened', 'Tessera'],
      ['level-opened', 'Tessera'],
      ['attached', 'Ann Approver'],
      ['reassigned', 'Ann Approver'],
      ['approved', 'Bob Approver'],
      ['level-completed', 'Bob Approver'],
      ['level-opened', 'Bob Approver'],
      ['refused', 'Claire Approver'],
      ['request-refused', 'Claire Approver'],
    ]);
    expect(detail.data?.attachments).toHaveLength(1);
    expect((await ann.client.GET('/api/v1/approvals/summary')).data).toEqual({ pending: 0, overdue: 0 });
  });

  it('lets an officer or admin cancel with a reason, and 404s unknown requests', async () => {
    const { id } = await open('Alan Turing');
    const byAnn = await ann.client.POST('/api/v1/approvals/{id}/cancel', {
      params: { path: { id } },
      body: { reason: 'Not mine' },
    });
    expect(byAnn.response.status).toBe(403);
    const cancelled = await admin.POST('/api/v1/approvals/{id}/cancel', {
      params: { path: { id } },
      body: { reason: 'The applicant withdrew.' },
    });
    expect(cancelled.data).toMatchObject({
      status: 'cancelled',
      history: expect.arrayContaining([
        expect.objectContaining({ type: 'cancelled', comment: 'The applicant withdrew.' }),
      ]),
    });
    const missing = await admin.GET('/api/v1/approvals/{id}', { params: { path: { id: randomUUID() } } });
    expect(missing.error).toMatchObject({ status: 404, type: 'urn:tessera:problem:approval-request-not-found' });
    expect((await stack.client.GET('/api/v1/approvals')).response.status).toBe(401);
  });
});
