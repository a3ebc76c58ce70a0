import { Module } from '@nestjs/common';
import { ApprovalHttpModule } from '@tessera/approval';
import { BillingHttpModule } from '@tessera/billing';
import { CaptchaHttpModule, IdempotencyModule, RateLimitModule, StorageModule } from '@tessera/core';
import { PortalHttpModule } from '@tessera/portal';
import { PortalUsersHttpModule, SignedInPersonModule } from '@tessera/portal-users';
import { MemberRequestsHttpModule } from '@tessera/member-requests';
import { CooperativeHttpModule } from '@tessera/cooperative';
import { QuestionnairesHttpModule } from '@tessera/questionnaires';
import { NotificationsHttpModule } from '@tessera/notifications';
import { OrdersHttpModule } from '@tessera/orders';
import { PlansHttpModule } from '@tessera/plans';
import { SettingsHttpModule } from '@tessera/settings';
import { SubscriptionHttpModule } from '@tessera/subscription';
import { RegistrationHttpModule } from '@tessera/registration';
import { ReportsHttpModule } from '@tessera/reports';
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
    PlansHttpModule,
    SettingsHttpModule,
    OrdersHttpModule,
    RegistrationHttpModule,
    ApprovalHttpModule,
    PortalUsersHttpModule,
    SignedInPersonModule,
    BillingHttpModule,
    SubscriptionHttpModule,
    ReportsHttpModule,
    PortalHttpModule,
    MemberRequestsHttpModule,
    CooperativeHttpModule,
    QuestionnairesHttpModule,
  ],
})
export class AppModule {}
