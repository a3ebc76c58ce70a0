import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, type Principal } from '@tessera/core';
import { MembersService, type UpdateContactDetailsDto } from '@tessera/members';
import { UsersService } from '@tessera/users';
import type { MeDto } from './dto/me.dto';

/** GET /me and the member's own contact details. */
@Injectable()
export class MeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly members: MembersService,
  ) {}

  async me(principal: Principal): Promise<MeDto> {
    const user = await this.users.currentUser(principal);
    if (!user.roles.includes('member')) return { user, member: null, memberships: [] };
    const memberships = await this.members.membersOfContact(user.email);
    const member = memberships.length > 0 ? await this.members.get(memberships[0].id) : null;
    return { user, member, memberships };
  }

  /** Changes the signed-in member's own phone, address and language (the language also of their user). */
  async updateContactDetails(principal: Principal, changes: UpdateContactDetailsDto): Promise<MeDto> {
    const user = await this.users.currentUser(principal);
    const [membership] = await this.members.membersOfContact(user.email);
    if (!membership?.contactPersonId)
      throw ProblemException.notFound('Only members have contact details to edit.', 'not-a-member');
    await this.transactions.run(async () => {
      await this.members.updateContactDetails(membership.contactPersonId as string, changes);
      if (changes.locale) await this.users.setLocale(user.id, changes.locale);
    });
    return this.me(principal);
  }
}
