import type { Role } from '@tessera/core';
import type { AssignmentStatus, RequestStatus } from './approval-state';
import { MANAGER_ROLES } from './approval.types';

/** What the permission rules look at. */
export interface PermissionFacts {
  status: RequestStatus;
  currentLevel: number;
  caller: { userId: string; roles: readonly Role[] };
  /** Every assignment of the request. */
  assignments: readonly { userId: string; levelNumber: number; status: AssignmentStatus }[];
  /** The owning domain's handler lets this caller cancel (officers and admins always may). */
  ownerAllowsCancel: boolean;
}

export interface ApprovalPermissions {
  canDecide: boolean;
  canReassign: boolean;
  canCancel: boolean;
  canAttach: boolean;
}

const isManager = (roles: readonly Role[]) => roles.some((role) => MANAGER_ROLES.includes(role));

/**
 * Who may do what on a request: decide — an approver with a pending assignment on the current
 * level, or an administrator with no part on it (who then decides for the whole level); reassign —
 * the holder of that pending assignment; cancel — officers, admins, or whom the owner allows;
 * attach — officers, admins and anyone assigned on any level, also once the request is closed.
 */
export function permissionsOf(facts: PermissionFacts): ApprovalPermissions {
  const open = facts.status === 'pending';
  const mine = facts.assignments.filter((a) => a.userId === facts.caller.userId);
  const onLevel = mine.filter((a) => a.levelNumber === facts.currentLevel);
  const holdsPending = onLevel.some((a) => a.status === 'pending');
  const adminForLevel = facts.caller.roles.includes('admin') && onLevel.length === 0;
  return {
    canDecide: open && (holdsPending || adminForLevel),
    canReassign: open && holdsPending,
    canCancel: open && (isManager(facts.caller.roles) || facts.ownerAllowsCancel),
    canAttach: isManager(facts.caller.roles) || mine.length > 0,
  };
}
