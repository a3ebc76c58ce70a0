import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { MySubscriptionController } from './controllers/my-subscription.controller';
import { RenewalRunsController } from './controllers/renewal-runs.controller';
import { SubscriptionsController } from './controllers/subscriptions.controller';
import { SubscriptionQueriesService } from './subscription-queries.service';
import { SubscriptionModule } from './subscription.module';

/** /subscriptions, /members/{id}/subscriptions, /me/subscription and /renewal-runs. */
@Module({
  imports: [SubscriptionModule, MembersModule, BillingModule],
  providers: [SubscriptionQueriesService],
  controllers: [SubscriptionsController, MySubscriptionController, RenewalRunsController],
})
export class SubscriptionHttpModule {}
