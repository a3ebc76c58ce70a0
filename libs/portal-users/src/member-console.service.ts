import { Injectable } from '@nestjs/common';
import { ProblemException, type Page, type Principal } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { UsersService } from '@tessera/users';
import { accountStateCondition } from './account-state-condition';
import type {
  ListMemberAccountsQueryDto,
  MemberDetailWithAccountDto,
  MemberWithAccountDto,
} from './dto/member-account.dto';
import { PortalAccountDto } from './dto/portal-account.dto';
import { PortalAccountsService } from './portal-accounts.service';

const STAFF_ROLES = ['admin', 'officer', 'approver', 'finance'];

/**
 * The staff console: members with the state of their portal account, and the account actions
 * (invite, resend, password reset, acknowledge). A member may read only the members they act for.
 */
@Injectable()
export class MemberConsoleService {
  constructor(
    private readonly members: MembersService,
    private readonly accounts: PortalAccountsService,
    private readonly users: UsersService,
  ) {}

  async list(query: ListMemberAccountsQueryDto): Promise<Page<MemberWithAccountDto>> {
    const condition = accountStateCondition({
      state: query.accountState,
      autoRegistered: query.autoRegistered === 'true',
    });
    const page = await this.members.list(query, condition);
    const accounts = await this.accounts.accountsOf(
      page.items.flatMap((member) => (member.email ? [member.email] : [])),
    );
    return {
      ...page,
      items: page.items.map((member) => ({
        ...member,
        portalAccount: (member.email && accounts.get(member.email)) || PortalAccountDto.none(),
      })),
    };
  }

  async get(id: string, principal: Principal): Promise<MemberDetailWithAccountDto> {
    await this.assertMayRead(id, principal);
    const member = await this.members.get(id);
    const portalAccount = member.email ? await this.accounts.accountOf(member.email) : PortalAccountDto.none();
    return { ...member, portalAccount };
  }

  /** "Invite" (creates the account) or "Resend invitation" (a new link replaces the old). */
  async invite(id: string): Promise<PortalAccountDto> {
    const contact = await this.members.contactFor(id);
    const member = await this.members.get(id);
    return this.accounts.invite({ ...contact, sourceReference: member.number });
  }

  async sendPasswordReset(id: string): Promise<void> {
    await this.accounts.sendPasswordReset((await this.members.contactFor(id)).email);
  }

  async acknowledge(id: string, principal: Principal): Promise<PortalAccountDto> {
    if (principal.kind !== 'user') throw ProblemException.forbidden('Only staff acknowledge accounts.');
    return this.accounts.acknowledge((await this.members.contactFor(id)).email, principal.userId);
  }

  /** Staff and API keys read any member; a member only those they act for (404 for others'). */
  private async assertMayRead(id: string, principal: Principal): Promise<void> {
    if (principal.kind === 'api-key' || principal.roles.some((role) => STAFF_ROLES.includes(role))) return;
    const user = await this.users.currentUser(principal);
    const own = await this.members.membersOfContact(user.email);
    if (!own.some((member) => member.id === id))
      throw ProblemException.notFound('No member has this id.', 'member-not-found');
  }
}
