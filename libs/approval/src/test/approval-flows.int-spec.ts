import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { ApprovalFlowsService } from '../approval-flows.service';
import { ApprovalQueriesService } from '../approval-queries.service';
import { bootApproval, createFlow, createUser, level, openRequest, problemOf, type TestUser } from './approval-testing';

describe('approval flows against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let flows: ApprovalFlowsService;
  let officer: TestUser;
  let approver: TestUser;

  beforeAll(async () => {
    ({ moduleRef, db } = await bootApproval());
    flows = moduleRef.get(ApprovalFlowsService);
    officer = await createUser(db, 'Olive Officer', ['officer']);
    approver = await createUser(db, 'Arthur Approver', ['approver']);
  });
  afterAll(() => moduleRef.close());

  it('starts with the default application flow from the migration: one officer level, any, 7 days', async () => {
    const page = await flows.list({ page: 1, pageSize: 20, offset: 0, subjectType: 'application' });
    expect(page.items).toEqual([
      expect.objectContaining({
        name: 'Default application approval',
        subjectType: 'application',
        isDefault: true,
        levels: [{ name: 'Officer review', approverUserIds: [], approverRole: 'officer', policy: 'any', dueInDays: 7 }],
      }),
    ]);
  });

  it('creates a flow, keeping the default where it is unless asked', async () => {
    const created = await flows.create({
      name: 'Board approval',
      subjectType: 'application',
      levels: [
        level({ name: 'Officer check', approverRole: 'officer' }),
        level({ name: 'Board', approverUserIds: [approver.id, officer.id], policy: 'all', dueInDays: 14 }),
      ],
    });
    expect(created).toMatchObject({ isDefault: false, levels: [{ name: 'Officer check' }, { policy: 'all' }] });
    expect(await flows.get(created.id)).toEqual(created);
  });

  it('refuses a level without approvers and named approvers who are not active staff, naming each field', async () => {
    const member = await createUser(db, 'Mia Member', ['member']);
    const gone = await createUser(db, 'Gina Gone', ['approver'], { active: false });
    const problem = await problemOf(
      flows.create({
        name: 'Broken',
        subjectType: 'application',
        levels: [
          level({ name: 'Nobody' }),
          level({ name: 'Wrong people', approverUserIds: [approver.id, member.id, gone.id] }),
        ],
      }),
    );
    expect(problem).toMatchObject({
      status: 400,
      errors: [
        { field: 'levels[0]', message: 'needs at least one approver user or an approver role' },
        { field: 'levels[1].approverUserIds[1]', message: expect.stringContaining('active staff user') },
        { field: 'levels[1].approverUserIds[2]', message: expect.stringContaining('active staff user') },
      ],
    });
    expect(await db.query(`SELECT 1 FROM approval_flows WHERE name = 'Broken'`)).toEqual([]);
  });

  it('refuses a second flow with the same name for a subject type (case-insensitive) with 409', async () => {
    const problem = await problemOf(
      flows.create({
        name: 'BOARD APPROVAL',
        subjectType: 'application',
        levels: [level({ name: 'x', approverRole: 'admin' })],
      }),
    );
    expect(problem).toMatchObject({ status: 409, type: 'urn:tessera:problem:flow-name-taken' });
  });

  it('makes the first flow of a subject type its default, and PATCH moves the default (exactly one)', async () => {
    // A subject type without a default: share subscriptions get theirs from the cooperative
    // migration, removed here so the first flow created becomes the default.
    await db.query(`DELETE FROM approval_flows WHERE subject_type = 'share_subscription'`);
    const upgrade = await flows.create({
      name: 'Share subscriptions',
      subjectType: 'share_subscription',
      levels: [level({ name: 'Finance', approverRole: 'finance' })],
    });
    expect(upgrade.isDefault).toBe(true);

    const fast = await createFlow(moduleRef, 'Fast track', [
      level({ name: 'One approver', approverUserIds: [approver.id] }),
    ]);
    const patched = await flows.update(fast, { isDefault: true });
    expect(patched.isDefault).toBe(true);
    const defaults: { name: string }[] = await db.query(
      `SELECT name FROM approval_flows WHERE subject_type = 'application' AND is_default`,
    );
    expect(defaults).toEqual([{ name: 'Fast track' }]);
    expect((await flows.get(upgrade.id)).isDefault).toBe(true); // other subject types keep theirs

    // Back to the migration's default, for the other tests.
    const [{ id }] = (await db.query(`SELECT id FROM approval_flows WHERE name = 'Default application approval'`)) as {
      id: string;
    }[];
    await flows.update(id, { isDefault: true });
  });

  it('404s an unknown flow', async () => {
    expect(await problemOf(flows.update('00000000-0000-4000-8000-000000000000', { name: 'x' }))).toMatchObject({
      status: 404,
    });
  });

  it('replaces the levels on PATCH without touching requests already open (they keep their snapshot)', async () => {
    const flowId = await createFlow(moduleRef, 'Snapshot', [
      level({ name: 'First', approverUserIds: [approver.id] }),
      level({ name: 'Second', approverUserIds: [officer.id] }),
    ]);
    const before = await openRequest(moduleRef, flowId);
    await flows.update(flowId, { name: 'Snapshot v2', levels: [level({ name: 'Only', approverRole: 'admin' })] });
    const after = await openRequest(moduleRef, flowId);

    const queries = moduleRef.get(ApprovalQueriesService);
    const old = await queries.detail(before.id, officer.principal);
    expect(old.flow.name).toBe('Snapshot');
    expect(old.levels.map((l) => l.name)).toEqual(['First', 'Second']);
    const fresh = await queries.detail(after.id, officer.principal);
    expect(fresh.flow.name).toBe('Snapshot v2');
    expect(fresh.levels.map((l) => l.name)).toEqual(['Only']);
  });
});
