import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TestingModule } from '@nestjs/testing';
import { Transactions, type ManualClock, type MultipartBody } from '@tessera/core';
import type { DataSource } from 'typeorm';
import { ApprovalAttachmentsService } from '../approval-attachments.service';
import { ApprovalQueriesService } from '../approval-queries.service';
import { ApprovalSubjectRegistry, type ApprovalSubjectHandler } from '../approval-subject';
import { ApprovalService } from '../approval.service';
import { DAY_MS } from '../approval.types';
import {
  bootApproval,
  createFlow,
  createUser,
  emailsAbout,
  eventTypes,
  level,
  openRequest,
  problemOf,
  type TestUser,
} from './approval-testing';

const pdf = (note: string) => Buffer.from(`%PDF-1.7\n%${note}\n`.padEnd(2048, ' '), 'latin1');

async function contentOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('approval requests against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let clock: ManualClock;
  let storageDir: string;
  let approvals: ApprovalService;
  let queries: ApprovalQueriesService;
  let admin: TestUser;
  let officer: TestUser;
  let otherOfficer: TestUser;
  let ann: TestUser;
  let bob: TestUser;
  let claire: TestUser;
  let finance: TestUser;

  beforeAll(async () => {
    ({ moduleRef, db, clock, storageDir } = await bootApproval());
    approvals = moduleRef.get(ApprovalService);
    queries = moduleRef.get(ApprovalQueriesService);
    admin = await createUser(db, 'Ada Admin', ['admin']);
    officer = await createUser(db, 'Olive Officer', ['officer'], { locale: 'fr' });
    otherOfficer = await createUser(db, 'Oscar Officer', ['officer', 'approver']);
    await createUser(db, 'Otto Away', ['officer'], { active: false });
    ann = await createUser(db, 'Ann Approver', ['approver']);
    bob = await createUser(db, 'Bob Approver', ['approver'], { locale: 'fr' });
    claire = await createUser(db, 'Claire Approver', ['approver']);
    finance = await createUser(db, 'Fred Finance', ['finance']);
  });
  afterAll(() => moduleRef.close());

  describe('opening', () => {
    it('opens on the default flow: role members (active only) are assigned and e-mailed in their locale', async () => {
      const { id } = await openRequest(moduleRef, null, { openedBy: admin.id });
      const detail = await queries.detail(id, officer.principal);
      expect(detail).toMatchObject({
        status: 'pending',
        subject: { type: 'application', title: 'Ada Lovelace', reference: 'APP-2026-000042' },
        flow: { name: 'Default application approval' },
        openedBy: { userId: admin.id, name: 'Ada Admin' },
        currentLevel: { number: 1, name: 'Officer review' },
        levelCount: 1,
        dueAt: new Date(clock.now().getTime() + 7 * DAY_MS).toISOString(),
        overdue: false,
        myAssignment: 'pending',
        canDecide: true,
        canCancel: true,
        canReassign: true,
      });
      expect(detail.levels[0].assignees.map((a) => [a.user.name, a.status])).toEqual([
        ['Olive Officer', 'pending'],
        ['Oscar Officer', 'pending'],
      ]);
      const mails = await emailsAbout(db, id, 'approval-requested');
      expect(mails.map((m) => [m.recipient, m.locale])).toEqual([
        [officer.email, 'fr'],
        [otherOfficer.email, 'en'],
      ]);
      expect(mails[0].data).toEqual({
        name: 'Olive Officer',
        title: 'Ada Lovelace',
        reference: 'APP-2026-000042',
        levelName: 'Officer review',
        dueDate: '2026-03-09',
        url: `https://tessera.test/office/approvals/${id}`,
      });
      expect(await eventTypes(db, id)).toEqual(['opened', 'level-opened']);
    });

    it('asks each person once when they are both named and in the role', async () => {
      const flowId = await createFlow(moduleRef, 'Named and role', [
        level({ name: 'Check', approverUserIds: [otherOfficer.id, ann.id], approverRole: 'officer' }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      expect((await emailsAbout(db, id)).map((m) => m.recipient).sort()).toEqual(
        [ann.email, officer.email, otherOfficer.email].sort(),
      );
    });

    it('refuses a second pending request for the same subject with 409', async () => {
      const { subjectId } = await openRequest(moduleRef, null);
      expect(await problemOf(openRequest(moduleRef, null, { subjectId }))).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:approval-pending',
      });
    });

    it('refuses a flow of another subject type', async () => {
      const upgrades = await moduleRef.get(Transactions).run(async () => {
        const [{ id }] = (await db.query(
          `INSERT INTO approval_flows (name, subject_type, is_default, levels, created_at, updated_at)
           VALUES ('Upgrade flow', 'upgrade', false, '[{"name":"x","approverUserIds":[],"approverRole":"admin","policy":"any","dueInDays":1}]', now(), now())
           RETURNING id`,
        )) as { id: string }[];
        return id;
      });
      expect(await problemOf(openRequest(moduleRef, upgrades))).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:approval-flow-mismatch',
      });
    });
  });

  describe('deciding', () => {
    it('any: the first approval completes the level and opens the next; the last level approves the request', async () => {
      const flowId = await createFlow(moduleRef, 'Two levels', [
        level({ name: 'Check', approverUserIds: [ann.id, bob.id] }),
        level({ name: 'Sign-off', approverUserIds: [claire.id], dueInDays: 3 }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      const afterAnn = await approvals.approve(id, ann.principal, 'Looks fine');
      expect(afterAnn).toMatchObject({ status: 'pending', currentLevel: { number: 2, name: 'Sign-off' } });
      expect(afterAnn.levels[0]).toMatchObject({ status: 'approved' });
      expect(afterAnn.levels[0].assignees.map((a) => [a.user.name, a.status, a.comment])).toEqual([
        ['Ann Approver', 'approved', 'Looks fine'],
        ['Bob Approver', 'withdrawn', null],
      ]);
      expect((await emailsAbout(db, id)).map((m) => m.recipient)).toEqual([ann.email, bob.email, claire.email]);

      // Bob meant level 1, which Ann completed meanwhile: a 409, not a decision on level 2.
      expect(await problemOf(approvals.approve(id, bob.principal, null))).toMatchObject({
        status: 409,
        detail: 'Your decision is no longer needed: this level was already completed.',
      });
      expect(await problemOf(approvals.approve(id, bob.principal, null, 1))).toMatchObject({
        status: 409,
        detail: 'This request has moved on to level 2 ("Sign-off") since level 1; reload it.',
      });
      expect(await problemOf(approvals.approve(id, bob.principal, null, 2))).toMatchObject({
        status: 403,
        detail: expect.stringContaining('Only an approver assigned to the current level'),
      });
      const done = await approvals.approve(id, claire.principal, null);
      expect(done).toMatchObject({ status: 'approved', closedAt: expect.any(String), canDecide: false });
      expect(await eventTypes(db, id)).toEqual([
        'opened',
        'level-opened',
        'approved',
        'level-completed',
        'level-opened',
        'approved',
        'level-completed',
        'request-approved',
      ]);
      expect(done.history.at(-1)).toMatchObject({ fromStatus: 'pending', toStatus: 'approved' });
    });

    it('all: every assignee must approve; deciding twice is a 409', async () => {
      const flowId = await createFlow(moduleRef, 'Everyone', [
        level({ name: 'Board', approverUserIds: [ann.id, bob.id, claire.id], policy: 'all' }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      await approvals.approve(id, ann.principal, null);
      expect(await problemOf(approvals.approve(id, ann.principal, null))).toMatchObject({
        status: 409,
        detail: 'You have already approved this level.',
      });
      expect((await approvals.approve(id, bob.principal, null)).status).toBe('pending');
      const done = await approvals.approve(id, claire.principal, null);
      expect(done.status).toBe('approved');
      expect(await problemOf(approvals.approve(id, claire.principal, null))).toMatchObject({
        status: 409,
        detail: 'This approval request is already approved.',
      });
    });

    it('a refusal (with its reason) refuses the whole request, even on an all level', async () => {
      const flowId = await createFlow(moduleRef, 'Refusable', [
        level({ name: 'Board', approverUserIds: [ann.id, bob.id], policy: 'all' }),
        level({ name: 'Never reached', approverUserIds: [claire.id] }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      await approvals.approve(id, ann.principal, null);
      const refused = await approvals.refuse(id, bob.principal, 'The licence could not be verified.');
      expect(refused).toMatchObject({ status: 'refused', levels: [{ status: 'refused' }, { status: 'waiting' }] });
      expect(refused.history.slice(-2)).toEqual([
        expect.objectContaining({ type: 'refused', actor: { userId: bob.id, name: 'Bob Approver' } }),
        expect.objectContaining({
          type: 'request-refused',
          comment: 'The licence could not be verified.',
          fromStatus: 'pending',
          toStatus: 'refused',
        }),
      ]);
      expect(await problemOf(approvals.approve(id, ann.principal, null))).toMatchObject({
        status: 409,
        detail: 'This approval request was refused; it can no longer be approved.',
      });
      expect((await emailsAbout(db, id)).map((m) => m.recipient)).toEqual([ann.email, bob.email]);
    });

    it('an unassigned admin decides for the whole level, and says so in the trail', async () => {
      const flowId = await createFlow(moduleRef, 'Admin override', [
        level({ name: 'Board', approverUserIds: [ann.id, bob.id], policy: 'all' }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      expect((await queries.detail(id, admin.principal)).canDecide).toBe(true);
      const done = await approvals.approve(id, admin.principal, 'Urgent');
      expect(done.status).toBe('approved');
      expect(done.history.find((e) => e.type === 'approved')).toMatchObject({
        actor: { userId: admin.id, name: 'Ada Admin' },
        comment: 'Decided by an administrator for the whole level. Urgent',
      });
      expect(done.levels[0].assignees.map((a) => a.status)).toEqual(['withdrawn', 'withdrawn']);
    });

    it('forbids staff who are not assigned (403) and 404s an unknown request', async () => {
      const { id } = await openRequest(moduleRef, null);
      expect(await problemOf(approvals.refuse(id, finance.principal, 'No'))).toMatchObject({ status: 403 });
      expect(
        await problemOf(approvals.approve('00000000-0000-4000-8000-000000000000', admin.principal, null)),
      ).toMatchObject({
        status: 404,
      });
    });
  });

  describe('reassigning', () => {
    it('hands my pending decision to another active staff user, who is e-mailed and can decide', async () => {
      const flowId = await createFlow(moduleRef, 'Reassignable', [
        level({ name: 'Review', approverUserIds: [ann.id], policy: 'all' }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      const after = await approvals.reassign(id, ann.principal, bob.id, 'On leave');
      expect(after.levels[0].assignees.map((a) => [a.user.name, a.status])).toEqual([
        ['Ann Approver', 'reassigned'],
        ['Bob Approver', 'pending'],
      ]);
      expect(after.history.at(-1)).toMatchObject({
        type: 'reassigned',
        actor: { name: 'Ann Approver' },
        target: { userId: bob.id, name: 'Bob Approver' },
        comment: 'On leave',
      });
      const [mail] = await emailsAbout(db, id, 'approval-reassigned');
      expect(mail).toMatchObject({
        recipient: bob.email,
        locale: 'fr',
        data: { fromName: 'Ann Approver', comment: 'On leave' },
      });

      expect(await problemOf(approvals.approve(id, ann.principal, null))).toMatchObject({
        status: 409,
        detail: 'You have reassigned your decision on this level to someone else.',
      });
      expect((await approvals.approve(id, bob.principal, null)).status).toBe('approved');
    });

    it('refuses someone already assigned (409), a non-staff user (400), and callers with nothing pending (403)', async () => {
      const flowId = await createFlow(moduleRef, 'Reassign checks', [
        level({ name: 'Review', approverUserIds: [ann.id, bob.id] }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      const member = await createUser(db, 'Mia Member', ['member']);
      expect(await problemOf(approvals.reassign(id, ann.principal, bob.id, null))).toMatchObject({
        status: 409,
        detail: 'Bob Approver is already assigned on this level.',
      });
      expect(await problemOf(approvals.reassign(id, ann.principal, ann.id, null))).toMatchObject({ status: 409 });
      expect(await problemOf(approvals.reassign(id, ann.principal, member.id, null))).toMatchObject({
        status: 400,
        errors: [{ field: 'toUserId', message: expect.stringContaining('active staff user') }],
      });
      expect(await problemOf(approvals.reassign(id, claire.principal, finance.id, null))).toMatchObject({
        status: 403,
      });
    });

    it('offers active staff other than me and those already on the level; only to the holder of a pending decision', async () => {
      const flowId = await createFlow(moduleRef, 'Reassign candidates', [
        level({ name: 'Review', approverUserIds: [ann.id, bob.id] }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      const names = (await queries.reassignCandidates(id, ann.principal)).map((candidate) => candidate.name);
      expect(names).toEqual(expect.arrayContaining(['Ada Admin', 'Claire Approver', 'Fred Finance', 'Olive Officer']));
      expect(names).not.toEqual(expect.arrayContaining(['Ann Approver']));
      expect(names).not.toContain('Bob Approver');
      expect(names).not.toContain('Otto Away');
      expect(names).not.toContain('Mia Member');
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
      expect(await problemOf(queries.reassignCandidates(id, claire.principal))).toMatchObject({ status: 403 });
    });
  });

  describe('cancelling', () => {
    it('lets an officer cancel with a reason; approvers may not; a closed request is a 409', async () => {
      const flowId = await createFlow(moduleRef, 'Cancellable', [level({ name: 'Review', approverUserIds: [ann.id] })]);
      const { id } = await openRequest(moduleRef, flowId);
      expect((await queries.detail(id, ann.principal)).canCancel).toBe(false);
      expect(await problemOf(approvals.cancel(id, ann.principal, 'Not mine to cancel'))).toMatchObject({ status: 403 });
      const cancelled = await approvals.cancel(id, officer.principal, 'The applicant withdrew.');
      expect(cancelled).toMatchObject({
        status: 'cancelled',
        levels: [{ status: 'cancelled', assignees: [{ status: 'withdrawn' }] }],
      });
      expect(cancelled.history.at(-1)).toMatchObject({
        type: 'cancelled',
        comment: 'The applicant withdrew.',
        fromStatus: 'pending',
        toStatus: 'cancelled',
      });
      expect(await problemOf(approvals.cancel(id, officer.principal, 'Again'))).toMatchObject({
        status: 409,
        detail: 'This approval request is already cancelled.',
      });
    });

    it('cancels for the owning domain without calling its handler back', async () => {
      const { id, subjectId } = await openRequest(moduleRef, null);
      const registry = moduleRef.get(ApprovalSubjectRegistry);
      const handler = recordingHandler();
      registry.register(handler);
      try {
        expect(await approvals.cancelForSubject('application', subjectId, 'Withdrawn', officer.id)).toBe(true);
        expect(await approvals.cancelForSubject('application', subjectId, 'Withdrawn', officer.id)).toBe(false);
      } finally {
        registry.unregister(handler);
      }
      expect(handler.calls).toEqual([]);
      expect((await queries.detail(id, officer.principal)).status).toBe('cancelled');
    });
  });

  describe('the owning domain’s handler', () => {
    let registry: ApprovalSubjectRegistry;
    beforeAll(() => {
      registry = moduleRef.get(ApprovalSubjectRegistry);
    });

    it('is called inside the decision’s transaction, and what it writes commits with it', async () => {
      await db.query(`CREATE TABLE IF NOT EXISTS test_outcomes (request_id uuid, outcome text)`);
      const transactions = moduleRef.get(Transactions);
      const handler = recordingHandler(async (ctx, outcome) => {
        expect(transactions.inTransaction).toBe(true);
        // The request is already closed in this transaction when the handler runs.
        const [row] = (await transactions.manager.query(`SELECT status FROM approval_requests WHERE id = $1`, [
          ctx.requestId,
        ])) as { status: string }[];
        await transactions.manager.query(`INSERT INTO test_outcomes VALUES ($1, $2)`, [
          ctx.requestId,
          `${outcome}:${row.status}`,
        ]);
      });
      registry.register(handler);
      try {
        const approved = await openRequest(moduleRef, null);
        await approvals.approve(approved.id, officer.principal, 'Welcome aboard');
        const refused = await openRequest(moduleRef, null);
        await approvals.refuse(refused.id, otherOfficer.principal, 'Incomplete file');
        const cancelled = await openRequest(moduleRef, null);
        await approvals.cancel(cancelled.id, admin.principal, 'Duplicate');

        expect(handler.calls).toEqual([
          {
            outcome: 'approved',
            subjectId: approved.subjectId,
            actor: { userId: officer.id, name: 'Olive Officer' },
            comment: 'Welcome aboard',
          },
          {
            outcome: 'refused',
            subjectId: refused.subjectId,
            actor: { userId: otherOfficer.id, name: 'Oscar Officer' },
            reason: 'Incomplete file',
            comment: 'Incomplete file',
          },
          {
            outcome: 'cancelled',
            subjectId: cancelled.subjectId,
            actor: { userId: admin.id, name: 'Ada Admin' },
            reason: 'Duplicate',
            comment: 'Duplicate',
          },
        ]);
        const rows: { outcome: string }[] = await db.query(
          `SELECT outcome FROM test_outcomes WHERE request_id = ANY($1) ORDER BY outcome`,
          [[approved.id, refused.id, cancelled.id]],
        );
        expect(rows.map((r) => r.outcome)).toEqual(['approved:approved', 'cancelled:cancelled', 'refused:refused']);
      } finally {
        registry.unregister(handler);
      }
    });

    it('tells the handler the comment of the approval that completed the last level, not an earlier one', async () => {
      const flowId = await createFlow(moduleRef, 'Two-step comments', [
        level({ name: 'First', approverUserIds: [ann.id] }),
        level({ name: 'Last', approverUserIds: [bob.id] }),
      ]);
      const handler = recordingHandler();
      registry.register(handler);
      try {
        const commented = await openRequest(moduleRef, flowId);
        await approvals.approve(commented.id, ann.principal, 'Documents checked');
        await approvals.approve(commented.id, bob.principal, 'Welcome to the board');
        const silent = await openRequest(moduleRef, flowId);
        await approvals.approve(silent.id, ann.principal, 'Documents checked');
        await approvals.approve(silent.id, bob.principal, null);
        expect(handler.calls.map(({ subjectId, comment }) => ({ subjectId, comment }))).toEqual([
          { subjectId: commented.subjectId, comment: 'Welcome to the board' },
          { subjectId: silent.subjectId, comment: null },
        ]);
      } finally {
        registry.unregister(handler);
      }
    });

    it('rolls the final decision back when the handler throws', async () => {
      const flowId = await createFlow(moduleRef, 'Two-step rollback', [
        level({ name: 'First', approverUserIds: [ann.id] }),
        level({ name: 'Last', approverUserIds: [bob.id] }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      await approvals.approve(id, ann.principal, null);
      const before = { events: await eventTypes(db, id), mails: (await emailsAbout(db, id)).length };
      const handler = recordingHandler(async () => {
        throw new Error('member record could not be created');
      });
      registry.register(handler);
      try {
        await expect(approvals.approve(id, bob.principal, null)).rejects.toThrow('member record could not be created');
      } finally {
        registry.unregister(handler);
      }
      const detail = await queries.detail(id, bob.principal);
      expect(detail).toMatchObject({ status: 'pending', currentLevel: { number: 2 }, canDecide: true });
      expect(detail.levels[1]).toMatchObject({ status: 'open', assignees: [{ status: 'pending', decidedAt: null }] });
      expect(await eventTypes(db, id)).toEqual(before.events);
      expect((await emailsAbout(db, id)).length).toBe(before.mails);
      // Without a handler the same decision goes through (a no-op outcome, with a warning logged).
      expect((await approvals.approve(id, bob.principal, null)).status).toBe('approved');
    });

    it('lets the handler allow others to cancel', async () => {
      const { id, subjectId } = await openRequest(moduleRef, null);
      const handler = { ...recordingHandler(), canCancel: async (subject: string) => subject === subjectId };
      registry.register(handler);
      try {
        expect((await queries.detail(id, finance.principal)).canCancel).toBe(true);
        expect((await approvals.cancel(id, finance.principal, 'Asked by the owner')).status).toBe('cancelled');
      } finally {
        registry.unregister(handler);
      }
    });
  });

  describe('attachments', () => {
    const form = (bytes: Buffer, filename = 'minutes.pdf', comment?: string): MultipartBody => ({
      fields: comment ? { comment } : {},
      files: [{ field: 'file', filename, declaredType: 'application/pdf', bytes }],
    });

    it('stores a document from an approver, records it, serves it back, also after the request closed', async () => {
      const attachments = moduleRef.get(ApprovalAttachmentsService);
      const flowId = await createFlow(moduleRef, 'With documents', [
        level({ name: 'Review', approverUserIds: [ann.id] }),
      ]);
      const { id } = await openRequest(moduleRef, flowId);
      const bytes = pdf('board minutes');
      const attached = await attachments.attach(
        id,
        form(bytes, '../../Board "minutes".pdf', 'Minutes of the meeting'),
        ann.principal,
      );
      expect(attached).toMatchObject({
        filename: 'Board _minutes_.pdf',
        contentType: 'application/pdf',
        size: bytes.length,
        comment: 'Minutes of the meeting',
        uploadedBy: { userId: ann.id, name: 'Ann Approver' },
      });
      await approvals.approve(id, ann.principal, null);
      clock.advance(60_000);
      const later = await attachments.attach(id, form(pdf('after'), 'late.pdf'), officer.principal);

      const detail = await queries.detail(id, officer.principal);
      expect(detail.attachments.map((a) => a.id)).toEqual([attached.id, later.id]);
      expect(detail.history.filter((e) => e.type === 'attached').map((e) => e.attachmentId)).toEqual([
        attached.id,
        later.id,
      ]);
      const [{ storage_key: key }] = (await db.query(`SELECT storage_key FROM approval_attachments WHERE id = $1`, [
        attached.id,
      ])) as { storage_key: string }[];
      expect(readFileSync(join(storageDir, key))).toEqual(bytes);
      const download = await attachments.open(id, attached.id);
      expect(download).toMatchObject({ contentType: 'application/pdf', size: bytes.length });
      expect(download.disposition).toMatch(/^attachment; filename="Board _minutes_.pdf"; filename\*=UTF-8''/);
      expect(await contentOf(download.stream)).toEqual(bytes);
    });

    it('refuses other types (415), strangers (403), missing files (400) and unknown attachments (404)', async () => {
      const attachments = moduleRef.get(ApprovalAttachmentsService);
      const { id } = await openRequest(moduleRef, null);
      expect(
        await problemOf(
          attachments.attach(
            id,
            form(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.pdf'),
            officer.principal,
          ),
        ),
      ).toMatchObject({ status: 415, errors: [{ field: 'file' }] });
      expect(await problemOf(attachments.attach(id, form(pdf('x')), finance.principal))).toMatchObject({ status: 403 });
      expect(
        await problemOf(attachments.attach(id, { fields: { note: 'x' }, files: [] }, officer.principal)),
      ).toMatchObject({
        status: 400,
        errors: [
          { field: 'note', message: expect.any(String) },
          { field: 'file', message: 'is required' },
        ],
      });
      expect(await problemOf(attachments.open(id, '00000000-0000-4000-8000-000000000000'))).toMatchObject({
        status: 404,
      });
    });
  });

  describe('the inbox', () => {
    it('lists my requests, those awaiting me first, with my assignment, due date and overdue flag; counts the badge', async () => {
      const dave = await createUser(db, 'Dave Inbox', ['approver']);
      const eve = await createUser(db, 'Eve Inbox', ['approver']);
      const flowId = await createFlow(moduleRef, 'Inbox flow', [
        level({ name: 'Review', approverUserIds: [dave.id, eve.id], dueInDays: 2 }),
      ]);
      const decided = await openRequest(moduleRef, flowId, { title: 'Decided one' });
      await approvals.approve(decided.id, dave.principal, null);
      clock.advance(DAY_MS);
      const old = await openRequest(moduleRef, flowId, { title: 'Old one' });
      clock.advance(DAY_MS / 2);
      const recent = await openRequest(moduleRef, flowId, { title: 'Recent one' });
      clock.advance(DAY_MS); // due in 2 days: neither is overdue yet

      const page = await queries.list({ assignee: 'me', page: 1, pageSize: 20, offset: 0 }, dave.principal);
      expect(page.total).toBe(3);
      expect(page.items.map((i) => [i.subject.title, i.status, i.myAssignment])).toEqual([
        ['Old one', 'pending', 'pending'],
        ['Recent one', 'pending', 'pending'],
        ['Decided one', 'approved', 'approved'],
      ]);
      expect(page.items[0]).toMatchObject({ currentLevel: { number: 1, name: 'Review' }, overdue: false });
      expect(await queries.counts(dave.principal)).toEqual({ pending: 2, overdue: 0 });
      clock.advance(DAY_MS * 0.75); // past the old one's due date only
      expect(await queries.counts(dave.principal)).toEqual({ pending: 2, overdue: 1 });
      expect(await queries.counts(eve.principal)).toEqual({ pending: 2, overdue: 1 });

      const pending = await queries.list(
        { assignee: 'me', status: 'pending', page: 1, pageSize: 1, offset: 0 },
        dave.principal,
      );
      expect(pending).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: old.id, overdue: true }] });

      const bySubject = await queries.list(
        { subjectType: 'application', subjectId: recent.subjectId, page: 1, pageSize: 20, offset: 0 },
        officer.principal,
      );
      expect(bySubject.items).toEqual([expect.objectContaining({ id: recent.id, overdue: false, myAssignment: null })]);
    });
  });
});

interface Call {
  outcome: string;
  subjectId: string;
  actor: { userId: string | null; name: string };
  reason?: string;
  /** What the handler was told the decider said. */
  comment: string | null;
}

/** A handler for `application` that records its calls, and runs `also` in them. */
function recordingHandler(
  also: (ctx: { requestId: string }, outcome: string) => Promise<void> = async () => undefined,
): ApprovalSubjectHandler & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    subjectType: 'application',
    calls,
    async onApproved(ctx) {
      await also(ctx, 'approved');
      calls.push({ outcome: 'approved', subjectId: ctx.subjectId, actor: ctx.actor, comment: ctx.comment });
    },
    async onRefused(ctx, reason) {
      await also(ctx, 'refused');
      calls.push({ outcome: 'refused', subjectId: ctx.subjectId, actor: ctx.actor, reason, comment: ctx.comment });
    },
    async onCancelled(ctx, reason) {
      await also(ctx, 'cancelled');
      calls.push({ outcome: 'cancelled', subjectId: ctx.subjectId, actor: ctx.actor, reason, comment: ctx.comment });
    },
  };
}
