import { Module } from '@nestjs/common';
import {
  ClockModule,
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  OutboxModule,
  OutboxRelayModule,
  QueueModule,
} from '@tessera/core';
import { emailQueue, NotificationsWorkerModule } from '@tessera/notifications';
import { tesseraSchema } from '@tessera/schema';

/** The background process: the outbox relay and every domain's queue processors. */
@Module({
  imports: [
    ConfigModule,
    ClockModule,
    LoggingModule,
    DatabaseModule.forRoot(tesseraSchema),
    OutboxModule,
    QueueModule.forRoot(),
    OutboxRelayModule.forQueues([emailQueue]),
    NotificationsWorkerModule,
  ],
})
export class WorkerModule {}
