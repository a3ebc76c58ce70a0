import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { StorageModule } from '@tessera/core';
import { EmailRetrySchedule } from './email-retry-schedule';
import { EmailProcessor } from './jobs/send-email.job';
import { MailDeliveryService } from './mail-delivery.service';
import { MailTransport, SmtpMailTransport } from './mail-transport';
import { SettingsModule } from '@tessera/settings';
import { NotificationsModule } from './notifications.module';
import { EMAIL_QUEUE } from './notifications.queue';

/**
 * Delivers e-mails: the `email` queue's processor and the pooled SMTP transport. Imported by
 * apps/worker only, next to QueueModule.forRoot() and OutboxRelayModule.forQueues([emailQueue, …]).
 */
@Module({
  // registerQueue also installs @nestjs/bullmq's explorer, which starts the @Processor workers.
  imports: [NotificationsModule, SettingsModule, StorageModule, BullModule.registerQueue({ name: EMAIL_QUEUE })],
  providers: [
    { provide: MailTransport, useClass: SmtpMailTransport },
    MailDeliveryService,
    { provide: EmailRetrySchedule, useValue: new EmailRetrySchedule() },
    EmailProcessor,
  ],
  exports: [MailDeliveryService],
})
export class NotificationsWorkerModule {}
