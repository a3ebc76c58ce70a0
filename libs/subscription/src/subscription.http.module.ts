import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { MemberStatusesController } from './controllers/member-statuses.controller';
import { MySubscriptionController } from './controllers/my-subscription.controller';
import { RenewalRunsController } from './controllers/renewal-runs.controller';
import { SubscriptionsController } from './controllers/subscriptions.controller';
import { SubscriptionActionsService } from './subscription-actions.service';
import { SubscriptionModule } from './subscription.module';

/**
 * /subscriptions, /members/{id}/subscriptions, /me/subscription, /renewal-runs, and member
 * statuses (/members/{id}/status, /status-forecast, /status-sweeps).
 */
@Module({
  imports: [SubscriptionModule, MembersModule, BillingModule],
  providers: [SubscriptionActionsService],
  controllers: [SubscriptionsController, MySubscriptionController, RenewalRunsController, MemberStatusesController],
})
export class SubscriptionHttpModule {}
