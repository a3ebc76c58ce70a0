import { Injectable } from '@nestjs/common';
import { STAFF_ROLES, type Role } from '@tessera/core';
import type { Locale, User } from './entities/user.entity';
import { UserRepository } from './user.repository';

/** What other domains may know of a staff user: who they are and how to write to them. */
export interface StaffMember {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
}

/**
 * Looks up active staff users (admin, officer, approver, finance) for other domains, e.g. the
 * approval engine resolving a level's approvers. Joins the caller's transaction.
 */
@Injectable()
export class StaffDirectory {
  constructor(private readonly users: UserRepository) {}

  /** The active staff users among these ids; the others (unknown, inactive, members only) are left out. */
  async activeStaff(ids: readonly string[]): Promise<StaffMember[]> {
    return (await this.users.activeWithAnyRole([...new Set(ids)], STAFF_ROLES)).map(staffMemberOf);
  }

  /** The name of any user, staff or member (an audit trail naming a member who acted); null if unknown. */
  async nameOf(id: string): Promise<string | null> {
    return (await this.users.findById(id))?.name ?? null;
  }

  /** Every active staff user, by name (a staff directory: e.g. whom a decision may be handed to). */
  async allActiveStaff(): Promise<StaffMember[]> {
    return (await this.users.activeWithAnyRoleOf(STAFF_ROLES)).map(staffMemberOf);
  }

  /** Active users holding this staff role. */
  async activeWithRole(role: Role): Promise<StaffMember[]> {
    return (await this.users.activeWithRole(role)).map(staffMemberOf);
  }
}

function staffMemberOf(user: User): StaffMember {
  return { id: user.id, name: user.name, email: user.email, locale: user.locale, roles: user.roles };
}
