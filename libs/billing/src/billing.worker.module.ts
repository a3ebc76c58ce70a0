import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { BillingModule } from './billing.module';
import { BILLING_QUEUE } from './billing.queue';
import { DocumentAnnouncementService } from './document-announcement.service';
import { BillingJobsProcessor } from './jobs/billing.job';
import { ReceiptAnnouncementService } from './payments/receipt-announcement.service';

/** The `billing` queue's processor (apps/worker, beside OutboxRelayModule.forQueues([billingQueue, …])). */
@Module({
  imports: [ClockModule, NotificationsModule, BillingModule, BullModule.registerQueue({ name: BILLING_QUEUE })],
  providers: [DocumentAnnouncementService, ReceiptAnnouncementService, BillingJobsProcessor],
  exports: [DocumentAnnouncementService, ReceiptAnnouncementService],
})
export class BillingWorkerModule {}
