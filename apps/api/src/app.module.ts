import { Module } from '@nestjs/common';
import {
  CaptchaHttpModule,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  IdempotencyModule,
  LoggingModule,
  OutboxModule,
  RateLimitModule,
  StorageModule,
} from '@tessera/core';
import { NotificationsHttpModule } from '@tessera/notifications';
import { RegistrationHttpModule } from '@tessera/registration';
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
    StorageModule,
    IdempotencyModule,
    HealthModule,
    CaptchaHttpModule,
    UsersHttpModule,
    NotificationsHttpModule,
    RegistrationHttpModule,
  ],
})
export class AppModule {}
