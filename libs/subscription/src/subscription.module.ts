import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { ClockModule, TrackedRuns } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { PlansModule } from '@tessera/plans';
import { UsersModule } from '@tessera/users';
import { MemberSubscriptionsService } from './member-subscriptions.service';
import { SubscriptionChangesService } from './changes/subscription-changes.service';
import { AdvanceProFormasService } from './renewals/advance-pro-formas.service';
import { RenewalDeclineMailer } from './renewals/renewal-decline.mailer';
import { RenewalRepository } from './renewals/renewal.repository';
import { RenewalRunsService } from './renewals/renewal-runs.service';
import { SubscriptionSettlementListener } from './subscription-settlement.listener';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';
import { MemberStatusService } from './statuses/member-status.service';
import { StatusMailer } from './statuses/status-mailer';
import { StatusSweepRepository } from './statuses/status-sweep.repository';
import { StatusSweepsService } from './statuses/status-sweeps.service';
import { SubscriptionPlanDaysListener } from './statuses/plan-status-days.listener';

/** Subscriptions, renewals, and what settling their invoices means (services; no controllers). */
@Module({
  imports: [ClockModule, PlansModule, MembersModule, BillingModule, NotificationsModule, UsersModule],
  providers: [
    TrackedRuns,
    SubscriptionRepository,
    SubscriptionService,
    SubscriptionSettlementListener,
    RenewalRepository,
    RenewalRunsService,
    AdvanceProFormasService,
    RenewalDeclineMailer,
    MemberSubscriptionsService,
    SubscriptionChangesService,
    MemberStatusService,
    StatusMailer,
    StatusSweepRepository,
    StatusSweepsService,
    SubscriptionPlanDaysListener,
  ],
  exports: [
    SubscriptionService,
    SubscriptionRepository,
    RenewalRunsService,
    AdvanceProFormasService,
    MemberSubscriptionsService,
    SubscriptionChangesService,
    MemberStatusService,
    StatusSweepsService,
  ],
})
export class SubscriptionModule {}
