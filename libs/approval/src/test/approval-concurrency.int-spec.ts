import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { ApprovalSubjectRegistry, type ApprovalSubjectHandler } from '../approval-subject';
import { ApprovalService } from '../approval.service';
import {
  bootApproval,
  createFlow,
  createUser,
  emailsAbout,
  eventTypes,
  level,
  openRequest,
  type TestUser,
} from './approval-testing';

const ROUNDS = 6;

/** Concurrent decisions on one request, on the real database: the request row lock decides. */
describe('concurrent approval decisions', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let approvals: ApprovalService;
  let ann: TestUser;
  let bob: TestUser;
  let claire: TestUser;
  let flowId: string;

  beforeAll(async () => {
    ({ moduleRef, db } = await bootApproval());
    approvals = moduleRef.get(ApprovalService);
    ann = await createUser(db, 'Ann Approver', ['approver']);
    bob = await createUser(db, 'Bob Approver', ['approver']);
    claire = await createUser(db, 'Claire Approver', ['approver']);
    flowId = await createFlow(moduleRef, 'Race', [
      level({ name: 'Either of two', approverUserIds: [ann.id, bob.id], policy: 'any' }),
      level({ name: 'Last', approverUserIds: [claire.id] }),
    ]);
  });
  afterAll(() => moduleRef.close());

  const count = (types: string[], type: string) => types.filter((t) => t === type).length;

  it('two approvers of an `any` level approving at once: one level transition, one set of e-mails, one 409', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { id } = await openRequest(moduleRef, flowId);
      const results = await Promise.allSettled([
        approvals.approve(id, ann.principal, null),
        approvals.approve(id, bob.principal, null),
      ]);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(rejected.map((r) => (r.reason as { problem: object }).problem)).toEqual([
        expect.objectContaining({
          status: 409,
          detail: 'Your decision is no longer needed: this level was already completed.',
        }),
      ]);
      const types = await eventTypes(db, id);
      expect([count(types, 'approved'), count(types, 'level-completed'), count(types, 'level-opened')]).toEqual([
        1, 1, 2,
      ]);
      expect((await emailsAbout(db, id)).map((m) => m.recipient)).toEqual([ann.email, bob.email, claire.email]);
      const [{ current_level: current }] = (await db.query(
        `SELECT current_level FROM approval_requests WHERE id = $1`,
        [id],
      )) as { current_level: number }[];
      expect(current).toBe(2);
    }
  });

  it('the same approver approving twice at once: one decision, one outcome, one 409', async () => {
    const handler: ApprovalSubjectHandler & { approved: string[] } = {
      subjectType: 'application',
      approved: [],
      async onApproved(ctx) {
        this.approved.push(ctx.requestId);
      },
      async onRefused() {},
      async onCancelled() {},
    };
    const registry = moduleRef.get(ApprovalSubjectRegistry);
    registry.register(handler);
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        const { id } = await openRequest(moduleRef, flowId);
        await approvals.approve(id, ann.principal, null);
        const results = await Promise.allSettled([
          approvals.approve(id, claire.principal, 'first'),
          approvals.approve(id, claire.principal, 'second'),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
        expect((rejected.reason as { problem: object }).problem).toMatchObject({ status: 409 });
        const types = await eventTypes(db, id);
        expect([count(types, 'approved'), count(types, 'request-approved')]).toEqual([2, 1]);
        expect(handler.approved.filter((approved) => approved === id)).toHaveLength(1);
      }
    } finally {
      registry.unregister(handler);
    }
  });

  it('an approval and a refusal at once: exactly one of them wins, and the request ends in its state', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const { id } = await openRequest(moduleRef, flowId);
      const [approve, refuse] = await Promise.allSettled([
        approvals.approve(id, ann.principal, null),
        approvals.refuse(id, bob.principal, 'Not convinced'),
      ]);
      expect([approve.status, refuse.status].sort()).toEqual(['fulfilled', 'rejected']);
      const [{ status }] = (await db.query(`SELECT status FROM approval_requests WHERE id = $1`, [id])) as {
        status: string;
      }[];
      expect(status).toBe(refuse.status === 'fulfilled' ? 'refused' : 'pending');
    }
  });
});
