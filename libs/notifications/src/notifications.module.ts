import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { EmailLogService } from './email-log.service';
import { EmailMessageRepository } from './email-message.repository';
import { EmailRenderer } from './email-renderer';
import { MailService } from './mail.service';

/**
 * MailService for every process that changes data (needs DatabaseModule, OutboxModule and
 * ConfigModule from the app). No controllers, no processors.
 */
@Module({
  imports: [ClockModule],
  providers: [EmailRenderer, EmailMessageRepository, MailService, EmailLogService],
  exports: [MailService, EmailLogService, EmailRenderer, EmailMessageRepository],
})
export class NotificationsModule {}
