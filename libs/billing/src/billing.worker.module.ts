import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { BillingModule } from './billing.module';
import { BILLING_QUEUE } from './billing.queue';
import { DocumentAnnouncementService } from './document-announcement.service';
import { AnnounceDocumentProcessor } from './jobs/announce-document.job';

/** The `billing` queue's processor (apps/worker, beside OutboxRelayModule.forQueues([billingQueue, …])). */
@Module({
  imports: [ClockModule, NotificationsModule, BillingModule, BullModule.registerQueue({ name: BILLING_QUEUE })],
  providers: [DocumentAnnouncementService, AnnounceDocumentProcessor],
  exports: [DocumentAnnouncementService],
})
export class BillingWorkerModule {}
