import { Injectable } from '@nestjs/common';
import { MembersService, type MemberSource, type OrganisationDetails, type PersonDetails } from '@tessera/members';
import { PortalAccountsService, type AccountOrigin } from '@tessera/portal-users';
import type { ShareClass } from '../share-classes/share-classes.service';
import { ShareRegisterRepository } from '../share-register/share-register.repository';

/** A holder not known yet, as a share subscription or a transfer to a new person gives them. */
export type NewShareHolder = { person: PersonDetails } | { organisation: OrganisationDetails };

export interface ShareHolderIntake {
  holder: NewShareHolder;
  shareClass: Pick<ShareClass, 'planId' | 'makesMember'>;
  /** The language of e-mails to a person created now (a match keeps its own). */
  locale: 'en' | 'fr';
  source: MemberSource;
  /** Who decided, for the status history; the system when null. */
  actorUserId: string | null;
}

/**
 * Makes or matches the member record of someone who comes to hold shares (a share subscription's
 * holder, a transfer's new person), and makes them a candidate cooperator with a portal account —
 * in the caller's transaction, so both ways of receiving shares treat a newcomer alike.
 */
@Injectable()
export class ShareHolderIntakeService {
  constructor(
    private readonly members: MembersService,
    private readonly register: ShareRegisterRepository,
    private readonly accounts: PortalAccountsService,
  ) {}

  /**
   * A person matched by e-mail (they may be a member or a representative already), an
   * organisation by registration number with its representatives matched by e-mail — never
   * duplicated, and an existing membership left as it is. A record made now is `upcoming` for a
   * class that makes members (paying makes them one), else `non-member`.
   */
  async makeOrMatch(intake: ShareHolderIntake): Promise<string> {
    const common = {
      planId: intake.shareClass.planId,
      locale: intake.locale,
      source: intake.source,
      actor: intake.actorUserId ? { kind: 'user' as const, id: intake.actorUserId } : undefined,
      keepExistingMembership: true,
      newMemberStatus: intake.shareClass.makesMember ? ('upcoming' as const) : ('non-member' as const),
    };
    const member =
      'person' in intake.holder
        ? await this.members.createOrMatchFromApplication({ ...common, kind: 'person', person: intake.holder.person })
        : await this.members.createOrMatchFromApplication({
            ...common,
            kind: 'organisation',
            organisation: intake.holder.organisation,
          });
    return member.memberId;
  }

  /** The holder as a candidate cooperator, and its portal account (an organisation's: its contact's), once per person. */
  async makeCandidate(
    memberId: string,
    at: Date,
    account: { origin: AccountOrigin; sourceReference: string; autoRegistered: boolean },
  ): Promise<void> {
    await this.register.ensureCandidate(memberId, at);
    const contact = await this.members.contactFor(memberId);
    await this.accounts.ensureAccount({ ...contact, ...account });
  }
}
