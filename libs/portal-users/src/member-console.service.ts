import { Injectable } from '@nestjs/common';
import { ProblemException, userIdOf, type Page, type Principal } from '@tessera/core';
import { MembersService, type WithExtra } from '@tessera/members';
import { accountStateCondition } from './account-state-condition';
import type {
  ListMemberAccountsQueryDto,
  MemberDetailWithAccountDto,
  MemberWithAccountDto,
} from './dto/member-account.dto';
import { PortalAccountDto } from './dto/portal-account.dto';
import { ACCOUNT_PERSON, PORTAL_ACCOUNT_COLUMN } from './portal-account.repository';
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
  ) {}

  async list(query: ListMemberAccountsQueryDto): Promise<Page<MemberWithAccountDto>> {
    const condition = accountStateCondition({
      state: query.accountState,
      autoRegistered: query.autoRegistered === 'true',
    });
    const page = await this.members.listWith(query, { contactPerson: condition, extra: PORTAL_ACCOUNT_COLUMN });
    return { ...page, items: page.items.map(withAccount) };
  }

  /** One statement after the session check; a member reads only the members they act for (404 for others'). */
  async get(id: string, principal: Principal): Promise<MemberDetailWithAccountDto> {
    const staffOrKey = principal.kind === 'api-key' || principal.roles.some((role) => STAFF_ROLES.includes(role));
    return withAccount(
      await this.members.getWith(id, {
        extra: PORTAL_ACCOUNT_COLUMN,
        actingPerson: staffOrKey ? undefined : { of: ACCOUNT_PERSON, value: userIdOf(principal) },
      }),
    );
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
}

/** A member with its contact's portal account (`none` without one). */
function withAccount<M>({ member, extra }: WithExtra<M>): M & { portalAccount: PortalAccountDto } {
  return { ...member, portalAccount: (extra as PortalAccountDto | null) ?? PortalAccountDto.none() };
}
