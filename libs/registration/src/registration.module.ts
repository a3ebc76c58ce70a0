import { Module } from '@nestjs/common';
import { ClockModule, TransactionalFileStorage } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { ApprovalModule } from '@tessera/approval';
import { MembersModule } from '@tessera/members';
import { PlansModule } from '@tessera/plans';
import { PortalUsersModule } from '@tessera/portal-users';
import { SubscriptionModule } from '@tessera/subscription';
import { UsersModule } from '@tessera/users';
import { ApplicationOutcomeMailer } from './application-outcome.mailer';
import { ApplicationOutcomesHandler } from './application-outcomes.handler';
import { ApplicationTransitionsService } from './application-transitions.service';
import { ApplicationRepository } from './application.repository';
import { ApplicationsService } from './applications.service';

/**
 * Applications, and their outcome when their approval request is decided: service and repository (needs DatabaseModule, OutboxModule, ConfigModule and the
 * global file storage and captcha from the app). No controllers.
 */
@Module({
  imports: [
    ClockModule,
    NotificationsModule,
    PlansModule,
    UsersModule,
    ApprovalModule,
    MembersModule,
    PortalUsersModule,
    SubscriptionModule,
  ],
  providers: [
    ApplicationRepository,
    TransactionalFileStorage,
    ApplicationTransitionsService,
    ApplicationOutcomeMailer,
    ApplicationOutcomesHandler,
    ApplicationsService,
  ],
  exports: [ApplicationsService],
})
export class RegistrationModule {}
