import { Module } from '@nestjs/common';
import { ClockModule, TransactionalFileStorage } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { PlansModule } from '@tessera/plans';
import { ApplicationRepository } from './application.repository';
import { ApplicationsService } from './applications.service';

/**
 * Applications: service and repository (needs DatabaseModule, OutboxModule, ConfigModule and the
 * global file storage and captcha from the app). No controllers.
 */
@Module({
  imports: [ClockModule, NotificationsModule, PlansModule],
  providers: [ApplicationRepository, TransactionalFileStorage, ApplicationsService],
  exports: [ApplicationsService],
})
export class RegistrationModule {}
