import { Module } from '@nestjs/common';
import { ClockModule, TransactionalFileStorage } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { ApplicationRepository } from './application.repository';
import { ApplicationsService } from './applications.service';
import { PlanRepository } from './plan.repository';
import { PlansService } from './plans.service';

/**
 * Plans and applications: services and repositories (needs DatabaseModule, OutboxModule,
 * ConfigModule and the global file storage and captcha from the app). No controllers.
 */
@Module({
  imports: [ClockModule, NotificationsModule],
  providers: [PlanRepository, ApplicationRepository, TransactionalFileStorage, PlansService, ApplicationsService],
  exports: [PlansService, ApplicationsService],
})
export class RegistrationModule {}
