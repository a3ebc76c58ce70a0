import { permissionsOf, type PermissionFacts } from './approval-permissions';

const me = 'me-0000';
const facts = (overrides: Partial<PermissionFacts>): PermissionFacts => ({
  status: 'pending',
  currentLevel: 2,
  caller: { userId: me, roles: ['approver'] },
  assignments: [],
  ownerAllowsCancel: false,
  ...overrides,
});

describe('approval permissions', () => {
  it('lets the holder of a pending assignment on the current level decide and reassign, not cancel', () => {
    expect(permissionsOf(facts({ assignments: [{ userId: me, levelNumber: 2, status: 'pending' }] }))).toEqual({
      canDecide: true,
      canReassign: true,
      canCancel: false,
      canAttach: true,
    });
  });

  it('does not let an approver decide a level they already decided, or one they are not on', () => {
    const decided = permissionsOf(facts({ assignments: [{ userId: me, levelNumber: 2, status: 'approved' }] }));
    expect(decided).toMatchObject({ canDecide: false, canReassign: false, canAttach: true });
    const earlier = permissionsOf(facts({ assignments: [{ userId: me, levelNumber: 1, status: 'approved' }] }));
    expect(earlier).toMatchObject({ canDecide: false, canAttach: true });
    expect(permissionsOf(facts({}))).toEqual({
      canDecide: false,
      canReassign: false,
      canCancel: false,
      canAttach: false,
    });
  });

  it('lets an unassigned admin decide for the level, but not an admin who already decided on it', () => {
    const admin = { userId: me, roles: ['admin' as const] };
    expect(permissionsOf(facts({ caller: admin }))).toEqual({
      canDecide: true,
      canReassign: false,
      canCancel: true,
      canAttach: true,
    });
    expect(
      permissionsOf(facts({ caller: admin, assignments: [{ userId: me, levelNumber: 2, status: 'approved' }] })),
    ).toMatchObject({ canDecide: false });
  });

  it('lets officers cancel and attach, and others cancel when the owning domain allows it', () => {
    expect(permissionsOf(facts({ caller: { userId: me, roles: ['officer'] } }))).toMatchObject({
      canDecide: false,
      canCancel: true,
      canAttach: true,
    });
    expect(permissionsOf(facts({ ownerAllowsCancel: true }))).toMatchObject({ canCancel: true });
  });

  it('allows nothing but attaching once the request is closed', () => {
    const closed = facts({
      status: 'approved',
      caller: { userId: me, roles: ['admin'] },
      assignments: [{ userId: me, levelNumber: 2, status: 'pending' }],
    });
    expect(permissionsOf(closed)).toEqual({ canDecide: false, canReassign: false, canCancel: false, canAttach: true });
  });
});
