import type { SchemaPart } from '@tessera/core';
import { SubscriptionEvent } from './entities/subscription-event.entity';
import { RenewalRun } from './entities/renewal-run.entity';
import { Subscription } from './entities/subscription.entity';
import { CreateSubscriptions1765000000600 } from './migrations/1765000000600-create-subscriptions';
import { CreateRenewalRuns1765000000800 } from './migrations/1765000000800-create-renewal-runs';
import { SubscriptionNextPlan1765006000200 } from './migrations/1765006000200-subscription-next-plan';
import { CreateStatusSweeps1765004000200 } from './migrations/1765004000200-create-status-sweeps';
import { StatusSweep } from './entities/status-sweep.entity';
import { SubscriptionNextStatusChange1765010000000 } from './migrations/1765010000000-subscription-next-status-change';

export const subscriptionSchema: SchemaPart = {
  entities: [Subscription, SubscriptionEvent, RenewalRun, StatusSweep],
  migrations: [
    CreateSubscriptions1765000000600,
    CreateRenewalRuns1765000000800,
    CreateStatusSweeps1765004000200,
    SubscriptionNextPlan1765006000200,
    SubscriptionNextStatusChange1765010000000,
  ],
};
