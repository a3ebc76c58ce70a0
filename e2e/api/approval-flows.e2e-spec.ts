import type { TesseraClient } from '@tessera/api-client';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

/** The administrators' approval-flow API over HTTP: list, create, validation, PATCH, roles. */
describe('approval flows (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let approver: StaffSession;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    approver = await activatedStaff(stack, admin, 'Arthur Approver', ['approver']);
  });
  afterAll(() => stack.stop());

  it('lists the default application flow', async () => {
    const { data } = await admin.GET('/api/v1/approval-flows', { params: { query: { subjectType: 'application' } } });
    expect(data).toMatchObject({
      total: 1,
      items: [
        {
          name: 'Default application approval',
          isDefault: true,
          levels: [{ name: 'Officer review', approverRole: 'officer', policy: 'any', dueInDays: 7 }],
        },
      ],
    });
  });

  it('creates a flow, reads it back, replaces its levels and makes it the default', async () => {
    const created = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Board approval',
        subjectType: 'application',
        levels: [
          { name: 'Officer check', approverUserIds: [], approverRole: 'officer', policy: 'any', dueInDays: 5 },
          { name: 'Board', approverUserIds: [approver.id], approverRole: null, policy: 'all', dueInDays: 14 },
        ],
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect((await admin.GET('/api/v1/approval-flows/{id}', { params: { path: { id } } })).data).toEqual(created.data);

    const patched = await admin.PATCH('/api/v1/approval-flows/{id}', {
      params: { path: { id } },
      body: {
        isDefault: true,
        levels: [{ name: 'Board only', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    expect(patched.data).toMatchObject({
      isDefault: true,
      levels: [{ name: 'Board only', approverUserIds: [approver.id], approverRole: null, policy: 'any', dueInDays: 3 }],
    });
    const defaults = (await admin.GET('/api/v1/approval-flows')).data!.items.filter(
      (flow) => flow.subjectType === 'application' && flow.isDefault,
    );
    expect(defaults.map((flow) => flow.name)).toEqual(['Board approval']);
  });

  it('answers invalid flows with problem+json field errors, and unknown ids with 404', async () => {
    const response = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Broken',
        subjectType: 'application',
        levels: [
          { name: 'Nobody', approverUserIds: [], policy: 'any', dueInDays: 7 },
          {
            name: 'Stranger',
            approverUserIds: ['00000000-0000-4000-8000-000000000000'],
            policy: 'sometimes' as 'any',
            dueInDays: 0,
          },
        ],
      },
    });
    expect(response.response.status).toBe(400);
    expect(response.response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.error?.errors).toEqual(
      expect.arrayContaining([
        { field: 'levels.1.policy', code: 'isIn', message: expect.any(String) },
        { field: 'levels.1.dueInDays', code: 'min', message: expect.any(String) },
      ]),
    );
    const noApprover = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Broken',
        subjectType: 'application',
        levels: [{ name: 'Nobody', approverUserIds: [], policy: 'any', dueInDays: 7 }],
      },
    });
    expect(noApprover.error).toMatchObject({
      status: 400,
      errors: [{ field: 'levels[0]', message: 'needs at least one approver user or an approver role' }],
    });
    const empty = await admin.POST('/api/v1/approval-flows', {
      body: { name: 'Empty', subjectType: 'application', levels: [] },
    });
    expect(empty.response.status).toBe(400);
    const unknown = await admin.GET('/api/v1/approval-flows/{id}', { params: { path: { id: 'not-a-uuid' } } });
    expect(unknown.error).toMatchObject({ status: 404, type: 'urn:tessera:problem:approval-flow-not-found' });
  });

  it('keeps flows to administrators', async () => {
    expect((await stack.client.GET('/api/v1/approval-flows')).response.status).toBe(401);
    expect((await approver.client.GET('/api/v1/approval-flows')).response.status).toBe(403);
  });
});
