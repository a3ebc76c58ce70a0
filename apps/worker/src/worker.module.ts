import { Module } from '@nestjs/common';
import { ApprovalWorkerModule } from '@tessera/approval';
import { billingQueue, BillingWorkerModule } from '@tessera/billing';
import { OutboxRelayModule, QueueModule } from '@tessera/core';
import { emailQueue, NotificationsWorkerModule } from '@tessera/notifications';
import { registrationQueue, RegistrationWorkerModule } from '@tessera/registration';
import { renewalsQueue, statusSweepsQueue, SubscriptionWorkerModule } from '@tessera/subscription';
import { QuestionnairesWorkerModule } from '@tessera/questionnaires';
import { PlatformModule } from '@tessera/schema';

/** The background process: the outbox relay and every domain's queue processors. */
@Module({
  imports: [
    PlatformModule,
    QueueModule.forRoot(),
    OutboxRelayModule.forQueues([emailQueue, registrationQueue, billingQueue, renewalsQueue, statusSweepsQueue]),
    NotificationsWorkerModule,
    ApprovalWorkerModule,
    RegistrationWorkerModule,
    BillingWorkerModule,
    SubscriptionWorkerModule,
    QuestionnairesWorkerModule,
  ],
})
export class WorkerModule {}
