import { Module } from '@nestjs/common';
import { ApprovalHttpModule } from '@tessera/approval';
import { CaptchaHttpModule, IdempotencyModule, RateLimitModule, StorageModule } from '@tessera/core';
import { NotificationsHttpModule } from '@tessera/notifications';
import { RegistrationHttpModule } from '@tessera/registration';
import { PlatformModule } from '@tessera/schema';
import { UsersHttpModule } from '@tessera/users';
import { HealthModule } from './health/health.module';

/** The HTTP app: the platform, HTTP-only infrastructure, and each domain's HTTP module. */
@Module({
  imports: [
    PlatformModule,
    RateLimitModule,
    StorageModule,
    IdempotencyModule,
    HealthModule,
    CaptchaHttpModule,
    UsersHttpModule,
    NotificationsHttpModule,
    RegistrationHttpModule,
    ApprovalHttpModule,
  ],
})
export class AppModule {}
