import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { MySharesController } from './controllers/my-shares.controller';
import { ShareClassesController } from './controllers/share-classes.controller';
import { ShareRegisterController } from './controllers/share-register.controller';
import { ShareSubscriptionsController } from './controllers/share-subscriptions.controller';
import { CapitalReleaseRequestsController } from './controllers/capital-release-requests.controller';
import { CooperativeSettingsController } from './controllers/cooperative-settings.controller';
import { CooperatorsController } from './controllers/cooperators.controller';
import { MyShareOperationsController } from './controllers/my-share-operations.controller';
import { ShareCertificatesController } from './controllers/share-certificates.controller';
import { ShareOperationsController } from './controllers/share-operations.controller';
import { ShareRegisterExportController } from './controllers/share-register-export.controller';
import { ShareReimbursementsController } from './controllers/share-reimbursements.controller';
import { CooperativeModule } from './cooperative.module';
import { MyShareOperationsService } from './share-operations/my-share-operations.service';
import { ShareReceiverLookup } from './share-operations/share-receiver-lookup';

/**
 * /share-classes, /share-subscriptions, /share-register (and .csv), /share-operations (and the
 * holder's /me/share-operations, which needs the app's SignedInPerson), /cooperators,
 * /capital-release-requests, /share-certificates, /share-reimbursements, /cooperative-settings,
 * and the portal's /me/shares.
 */
@Module({
  imports: [CooperativeModule, BillingModule, MembersModule],
  providers: [MyShareOperationsService, ShareReceiverLookup],
  controllers: [
    ShareClassesController,
    ShareSubscriptionsController,
    ShareRegisterController,
    MySharesController,
    ShareRegisterExportController,
    ShareOperationsController,
    MyShareOperationsController,
    CooperatorsController,
    CapitalReleaseRequestsController,
    ShareCertificatesController,
    ShareReimbursementsController,
    CooperativeSettingsController,
    MySharesController,
  ],
})
export class CooperativeHttpModule {}
