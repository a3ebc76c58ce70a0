import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { SettingsModule } from '@tessera/settings';
import { RenewalTickProcessor, RenewalTickSchedule } from './jobs/renewal-tick.job';
import { RunRenewalsProcessor } from './jobs/run-renewals.job';
import { RenewalScheduleService } from './renewals/renewal-schedule.service';
import { RENEWAL_SCHEDULE_QUEUE, RENEWALS_QUEUE } from './renewals/renewals.queue';
import { RunStatusSweepProcessor, StatusSweepTickProcessor, StatusSweepTickSchedule } from './jobs/status-sweep.job';
import { StatusScheduleService } from './statuses/status-schedule.service';
import { STATUS_SWEEP_SCHEDULE_QUEUE, STATUS_SWEEPS_QUEUE } from './statuses/status-sweeps.queue';
import { SubscriptionModule } from './subscription.module';

/**
 * Renewal runs and status sweeps, and their daily schedules (apps/worker, beside OutboxRelayModule.forQueues([renewalsQueue, …])).
 */
@Module({
  imports: [
    SubscriptionModule,
    SettingsModule,
    BullModule.registerQueue(
      { name: RENEWALS_QUEUE },
      { name: RENEWAL_SCHEDULE_QUEUE },
      { name: STATUS_SWEEPS_QUEUE },
      { name: STATUS_SWEEP_SCHEDULE_QUEUE },
    ),
  ],
  providers: [
    RenewalScheduleService,
    RunRenewalsProcessor,
    RenewalTickProcessor,
    RenewalTickSchedule,
    StatusScheduleService,
    RunStatusSweepProcessor,
    StatusSweepTickProcessor,
    StatusSweepTickSchedule,
  ],
  exports: [RenewalScheduleService, StatusScheduleService],
})
export class SubscriptionWorkerModule {}
