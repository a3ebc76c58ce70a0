import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@tessera/settings';
import { RenewalTickProcessor, RenewalTickSchedule } from './jobs/renewal-tick.job';
import { RunRenewalsProcessor } from './jobs/run-renewals.job';
import { RenewalScheduleService } from './renewals/renewal-schedule.service';
import { RENEWAL_SCHEDULE_QUEUE, RENEWALS_QUEUE } from './renewals/renewals.queue';
import { SubscriptionModule } from './subscription.module';

/**
 * Renewal runs and their daily schedule (apps/worker, beside OutboxRelayModule.forQueues([renewalsQueue, …])).
 */
@Module({
  imports: [
    SubscriptionModule,
    SettingsModule,
    BullModule.registerQueue({ name: RENEWALS_QUEUE }, { name: RENEWAL_SCHEDULE_QUEUE }),
  ],
  providers: [RenewalScheduleService, RunRenewalsProcessor, RenewalTickProcessor, RenewalTickSchedule],
  exports: [RenewalScheduleService],
})
export class SubscriptionWorkerModule {}
