import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule, DatabaseModule, LoggingModule, OutboxModule, RateLimitModule } from '@tessera/core';
import { NotificationsHttpModule } from '@tessera/notifications';
import { tesseraSchema } from '@tessera/schema';
import { UsersHttpModule } from '@tessera/users';
import { HealthModule } from './health/health.module';

/** The HTTP app: shared infrastructure plus each domain's HTTP module. */
@Module({
  imports: [
    ConfigModule,
    ClockModule,
    LoggingModule,
    DatabaseModule.forRoot(tesseraSchema),
    OutboxModule,
    RateLimitModule,
    HealthModule,
    UsersHttpModule,
    NotificationsHttpModule,
  ],
})
export class AppModule {}
