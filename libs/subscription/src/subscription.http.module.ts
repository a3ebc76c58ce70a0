import { Module } from '@nestjs/common';
import { MembersModule } from '@tessera/members';
import { MySubscriptionController } from './controllers/my-subscription.controller';
import { SubscriptionsController } from './controllers/subscriptions.controller';
import { SubscriptionQueriesService } from './subscription-queries.service';
import { SubscriptionModule } from './subscription.module';
import { SubscriptionRepository } from './subscription.repository';

/** /subscriptions, /members/{id}/subscriptions and /me/subscription. */
@Module({
  imports: [SubscriptionModule, MembersModule],
  providers: [SubscriptionRepository, SubscriptionQueriesService],
  controllers: [SubscriptionsController, MySubscriptionController],
})
export class SubscriptionHttpModule {}
