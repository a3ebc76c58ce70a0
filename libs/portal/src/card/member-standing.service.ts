import { Injectable } from '@nestjs/common';
import { Clock, localDateIn, ProblemException, userIdOf, type LocalDate, type Principal } from '@tessera/core';
import { MembersService, SignedInPerson, type MemberDetailDto } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import { OrganisationSettingsService } from '@tessera/settings';
import { LIVE_STATES, MemberSubscriptionsService, type SubscriptionSummaryDto } from '@tessera/subscription';
import type { CardStanding } from './card-validity';

export interface MemberStanding {
  member: MemberDetailDto;
  subscription: SubscriptionSummaryDto | null;
  standing: CardStanding;
  today: LocalDate;
}

/**
 * The member a portal account speaks for and where their membership stands, read from the
 * domains that keep it (status from members, period from subscriptions, grace from the plan).
 * Nothing is computed here that the status engine decides.
 */
@Injectable()
export class MemberStandingService {
  constructor(
    private readonly members: MembersService,
    private readonly signedIn: SignedInPerson,
    private readonly subscriptions: MemberSubscriptionsService,
    private readonly plans: PlansService,
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
  ) {}

  /** The account's own membership (else the first organisation it is the contact of); 404 for none. */
  async ownMember(principal: Principal): Promise<MemberDetailDto> {
    const { first } = await this.members.actedFor(this.signedIn.personOf, userIdOf(principal));
    if (!first) throw ProblemException.notFound('You have no membership.', 'not-a-member');
    return first;
  }

  async of(member: MemberDetailDto): Promise<MemberStanding> {
    const subscription = await this.subscriptions.currentOf(member.id);
    const live = subscription && LIVE_STATES.includes(subscription.state) ? subscription : null;
    const graceDays = live ? ((await this.plans.billingOf([live.plan.id])).get(live.plan.id)?.graceDays ?? 0) : 0;
    return {
      member,
      subscription,
      standing: {
        status: member.status,
        periodEnd: live?.currentPeriod.end ?? null,
        endsOn: live?.endsOn ?? null,
        graceDays,
      },
      today: await this.today(),
    };
  }

  /** Today in the organisation's time zone. */
  async today(): Promise<LocalDate> {
    return localDateIn((await this.settings.billingTerms()).timeZone, this.clock.now());
  }
}
