import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, userIdOf, type Principal } from '@tessera/core';
import { MembersService, type PersonOfParam, type UpdateContactDetailsDto } from '@tessera/members';
import { userProfileJsonSql, UsersService, type UserDto } from '@tessera/users';
import type { MeDto } from './dto/me.dto';
import { ACCOUNT_PERSON } from './portal-account.repository';

/** The signed-in user (UserDto), in the statement that reads their memberships. */
const USER_PROFILE: PersonOfParam = { name: 'user-profile', sql: (userId) => userProfileJsonSql(`${userId}::uuid`) };

/** GET /me and the member's own contact details. */
@Injectable()
export class MeService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UsersService,
    private readonly members: MembersService,
  ) {}

  /** One prepared statement after the session check: the user, and the memberships in full. */
  async me(principal: Principal): Promise<MeDto> {
    if (principal.kind !== 'user') throw ProblemException.notFound('Only people have a profile; API keys do not.');
    const { memberships, first, caller } = await this.members.actedFor(ACCOUNT_PERSON, principal.userId, USER_PROFILE);
    const user = caller as UserDto | null;
    if (!user) throw ProblemException.notFound('Only people have a profile; API keys do not.');
    if (!user.roles.includes('member')) return { user, member: null, memberships: [] };
    return { user, member: first, memberships };
  }

  /** Changes the signed-in member's own phone, address and language (the language also of their user). */
  async updateContactDetails(principal: Principal, changes: UpdateContactDetailsDto): Promise<MeDto> {
    const { first } = await this.members.actedFor(ACCOUNT_PERSON, userIdOf(principal));
    if (!first?.contactPersonId)
      throw ProblemException.notFound('Only members have contact details to edit.', 'not-a-member');
    await this.transactions.run(async () => {
      await this.members.updateContactDetails(first.contactPersonId as string, changes);
      if (changes.locale) await this.users.setLocale(userIdOf(principal), changes.locale);
    });
    return this.me(principal);
  }
}
