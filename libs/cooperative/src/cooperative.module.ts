import { Module } from '@nestjs/common';
import { ApprovalModule } from '@tessera/approval';
import { BillingModule } from '@tessera/billing';
import { CaptchaModule, ClockModule, StorageModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { PortalUsersModule } from '@tessera/portal-users';
import { SettingsModule } from '@tessera/settings';
import { UsersModule } from '@tessera/users';
import { ShareCertificateFilesService } from './certificates/share-certificate-files.service';
import { CooperativeSettingsService } from './cooperative-settings/cooperative-settings.service';
import { CooperatorsService } from './cooperators/cooperators.service';
import { ShareReimbursementsService } from './reimbursements/share-reimbursements.service';
import { ShareOperationEffectsService } from './share-operations/share-operation-effects.service';
import {
  ShareConversionOutcomesHandler,
  ShareRedemptionOutcomesHandler,
  ShareTransferOutcomesHandler,
} from './share-operations/share-operation-outcomes.handler';
import { ShareOperationMailer } from './share-operations/share-operation.mailer';
import { ShareOperationRepository } from './share-operations/share-operation.repository';
import { ShareOperationTransitionsService } from './share-operations/share-operation-transitions.service';
import { ShareOperationsService } from './share-operations/share-operations.service';
import { ShareCertificatesService } from './certificates/share-certificates.service';
import { MySharesRepository } from './my-shares/my-shares.repository';
import { MySharesService } from './my-shares/my-shares.service';
import { ShareClassesService } from './share-classes/share-classes.service';
import { CapitalReleaseSettlementListener } from './share-register/capital-release-settlement.listener';
import { ShareRegisterRepository } from './share-register/share-register.repository';
import { ShareRegisterService } from './share-register/share-register.service';
import { ShareHolderIntakeService } from './share-holders/share-holder-intake.service';
import { ShareSubscriptionOutcomesHandler } from './share-subscriptions/share-subscription-outcomes.handler';
import { ShareSubscriptionMailer } from './share-subscriptions/share-subscription.mailer';
import { ShareSubscriptionRepository } from './share-subscriptions/share-subscription.repository';
import { ShareSubscriptionsService } from './share-subscriptions/share-subscriptions.service';

/**
 * Co-operative shares (issue 18): share classes, subscriptions decided through the approval
 * engine (handler for `share_subscription`), capital release requests in billing and the
 * settlement listener that enters paid shares in the register; operations on shares (handlers for
 * `share_redemption`, `share_transfer`, `share_conversion`), reimbursements, cooperators, and the
 * portal's "my shares". Needs the app's SignedInPerson (SignedInPersonModule). No controllers.
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
    UsersModule,
  ],
  providers: [
    ShareClassesService,
    ShareSubscriptionRepository,
    ShareSubscriptionMailer,
    ShareSubscriptionsService,
    ShareSubscriptionOutcomesHandler,
    ShareHolderIntakeService,
    ShareRegisterRepository,
    ShareRegisterService,
    ShareCertificatesService,
    CapitalReleaseSettlementListener,
    MySharesRepository,
    MySharesService,
    ShareOperationRepository,
    ShareOperationTransitionsService,
    ShareOperationMailer,
    ShareOperationEffectsService,
    ShareOperationsService,
    ShareRedemptionOutcomesHandler,
    ShareTransferOutcomesHandler,
    ShareConversionOutcomesHandler,
    ShareReimbursementsService,
    CooperatorsService,
    ShareCertificateFilesService,
    CooperativeSettingsService,
  ],
  exports: [
    ShareClassesService,
    ShareSubscriptionsService,
    ShareRegisterService,
    ShareOperationsService,
    ShareOperationRepository,
    ShareReimbursementsService,
    CooperatorsService,
    ShareCertificateFilesService,
    CooperativeSettingsService,
    MySharesService,
  ],
})
export class CooperativeModule {}
