import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ClockModule } from '@tessera/core';
import { ApprovalModule } from '@tessera/approval';
import { NotificationsModule } from '@tessera/notifications';
import { PlansModule } from '@tessera/plans';
import { ApplicationIntakeService } from './application-intake.service';
import { ApplicationRepository } from './application.repository';
import { CompleteIntakeProcessor } from './jobs/complete-intake.job';
import { REGISTRATION_QUEUE } from './registration.queue';

/**
 * The intake that follows each submission: the `registration` queue's processor. Imported by
 * apps/worker only, next to QueueModule.forRoot() and OutboxRelayModule.forQueues([registrationQueue, …]).
 */
@Module({
  // registerQueue also installs @nestjs/bullmq's explorer, which starts the @Processor workers.
  imports: [
    ClockModule,
    NotificationsModule,
    PlansModule,
    ApprovalModule,
    BullModule.registerQueue({ name: REGISTRATION_QUEUE }),
  ],
  providers: [ApplicationRepository, ApplicationIntakeService, CompleteIntakeProcessor],
  exports: [ApplicationIntakeService],
})
export class RegistrationWorkerModule {}
