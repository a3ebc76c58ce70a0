import { Module } from '@nestjs/common';
import { ApprovalModule } from '@tessera/approval';
import { BillingModule } from '@tessera/billing';
import { CaptchaModule, ClockModule, StorageModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { PortalUsersModule } from '@tessera/portal-users';
import { SettingsModule } from '@tessera/settings';
import { ShareCertificatesService } from './certificates/share-certificates.service';
import { MySharesRepository } from './my-shares/my-shares.repository';
import { MySharesService } from './my-shares/my-shares.service';
import { ShareClassesService } from './share-classes/share-classes.service';
import { CapitalReleaseSettlementListener } from './share-register/capital-release-settlement.listener';
import { ShareRegisterRepository } from './share-register/share-register.repository';
import { ShareRegisterService } from './share-register/share-register.service';
import { ShareSubscriptionOutcomesHandler } from './share-subscriptions/share-subscription-outcomes.handler';
import { ShareSubscriptionMailer } from './share-subscriptions/share-subscription.mailer';
import { ShareSubscriptionRepository } from './share-subscriptions/share-subscription.repository';
import { ShareSubscriptionsService } from './share-subscriptions/share-subscriptions.service';

/**
 * Co-operative shares (issue 18): share classes, subscriptions decided through the approval
 * engine (handler for `share_subscription`), capital release requests in billing and the
 * settlement listener that enters paid shares in the register, and the portal's "my shares".
 * Needs the app's SignedInPerson (SignedInPersonModule). No controllers.
 */
@Module({
  imports: [
    CaptchaModule,
    ClockModule,
    StorageModule,
    ApprovalModule,
    BillingModule,
    MembersModule,
    NotificationsModule,
    PortalUsersModule,
    SettingsModule,
  ],
  providers: [
    ShareClassesService,
    ShareSubscriptionRepository,
    ShareSubscriptionMailer,
    ShareSubscriptionsService,
    ShareSubscriptionOutcomesHandler,
    ShareRegisterRepository,
    ShareRegisterService,
    ShareCertificatesService,
    CapitalReleaseSettlementListener,
    MySharesRepository,
    MySharesService,
  ],
  exports: [ShareClassesService, ShareSubscriptionsService, ShareRegisterService, MySharesService],
})
export class CooperativeModule {}
