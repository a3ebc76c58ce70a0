import { Module } from '@nestjs/common';
import { EmailsController } from './controllers/emails.controller';
import { NotificationsModule } from './notifications.module';

/** The mail log endpoints; imported by apps/api only. */
@Module({
  imports: [NotificationsModule],
  controllers: [EmailsController],
})
export class NotificationsHttpModule {}
