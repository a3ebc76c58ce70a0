import { Module } from '@nestjs/common';
import { ApprovalModule } from '@tessera/approval';
import { BillingModule } from '@tessera/billing';
import { ClockModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { PlansModule } from '@tessera/plans';
import { SubscriptionModule } from '@tessera/subscription';
import { UsersModule } from '@tessera/users';
import { MemberRequestEffectsService } from './member-request-effects.service';
import { TerminationRequestOutcomesHandler, UpgradeRequestOutcomesHandler } from './member-request-outcomes.handler';
import { MemberRequestTransitionsService } from './member-request-transitions.service';
import { MemberRequestMailer } from './member-request.mailer';
import { MemberRequestRepository } from './member-request.repository';
import { MemberRequestsService } from './member-requests.service';

/**
 * Members' plan change and termination requests and their outcomes (the approval handlers for
 * `upgrade` and `termination`). Needs the app's SignedInPerson (SignedInPersonModule). No controllers.
 */
@Module({
  imports: [
    ClockModule,
    ApprovalModule,
    BillingModule,
    MembersModule,
    NotificationsModule,
    PlansModule,
    SubscriptionModule,
    UsersModule,
  ],
  providers: [
    MemberRequestRepository,
    MemberRequestTransitionsService,
    MemberRequestEffectsService,
    MemberRequestMailer,
    MemberRequestsService,
    UpgradeRequestOutcomesHandler,
    TerminationRequestOutcomesHandler,
  ],
  exports: [MemberRequestsService],
})
export class MemberRequestsModule {}
