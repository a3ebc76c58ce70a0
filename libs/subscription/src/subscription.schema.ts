import type { SchemaPart } from '@tessera/core';
import { SubscriptionEvent } from './entities/subscription-event.entity';
import { Subscription } from './entities/subscription.entity';
import { CreateSubscriptions1765000000600 } from './migrations/1765000000600-create-subscriptions';

export const subscriptionSchema: SchemaPart = {
  entities: [Subscription, SubscriptionEvent],
  migrations: [CreateSubscriptions1765000000600],
};
