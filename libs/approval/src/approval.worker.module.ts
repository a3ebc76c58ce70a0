import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { ApprovalModule } from './approval.module';
import { APPROVAL_QUEUE } from './approval.queue';
import { ApprovalReminderSchedule, ApprovalRemindersProcessor } from './jobs/approval-reminders.job';

/**
 * The hourly reminder sweep: its schedule and its processor. Imported by apps/worker only, next
 * to QueueModule.forRoot(). No outbox message targets the `approval` queue, so the relay need not
 * know it.
 */
@Module({
  imports: [ApprovalModule, BullModule.registerQueue({ name: APPROVAL_QUEUE })],
  providers: [ApprovalRemindersProcessor, ApprovalReminderSchedule],
  exports: [ApprovalReminderSchedule],
})
export class ApprovalWorkerModule {}
