import { Injectable } from '@nestjs/common';
import { ProblemException, type Principal, type Role } from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { SYSTEM_ACTOR, type ApprovalActor } from './approval.types';

/** A signed-in staff user acting on approvals, with the name the audit trail keeps. */
export interface ApprovalCaller {
  userId: string;
  name: string;
  roles: Role[];
  principal: Principal;
}

export const isAdmin = (caller: ApprovalCaller) => caller.roles.includes('admin');

/** Turns principals and user ids into named actors for decisions and the audit trail. */
@Injectable()
export class ApprovalActorsService {
  constructor(private readonly staff: StaffDirectory) {}

  async callerOf(principal: Principal): Promise<ApprovalCaller> {
    if (principal.kind !== 'user') throw ProblemException.forbidden('Approvals are decided by people, not API keys.');
    const [member] = await this.staff.activeStaff([principal.userId]);
    if (!member) throw ProblemException.forbidden('Only active staff users take part in approvals.');
    return { userId: member.id, name: member.name, roles: member.roles, principal };
  }

  /** The user who opened a request, or Tessera itself (an online submission). */
  async actorOf(userId: string | null): Promise<ApprovalActor> {
    if (!userId) return SYSTEM_ACTOR;
    const [member] = await this.staff.activeStaff([userId]);
    // A member acting on their own request (opening or withdrawing it) is named too.
    return { userId, name: member?.name ?? (await this.staff.nameOf(userId)) ?? 'Unknown user' };
  }
}
