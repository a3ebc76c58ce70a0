import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule, DatabaseModule, LoggingModule, OutboxModule } from '@tessera/core';
import { tesseraSchema } from './tessera-schema';

/** What every Tessera process stands on: validated config, the clock, logs, the one data source, the outbox. */
@Module({
  imports: [ConfigModule, ClockModule, LoggingModule, DatabaseModule.forRoot(tesseraSchema), OutboxModule],
})
export class PlatformModule {}
