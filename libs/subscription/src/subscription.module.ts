import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { ClockModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { PlansModule } from '@tessera/plans';
import { AdvanceProFormasService } from './renewals/advance-pro-formas.service';
import { RenewalRepository } from './renewals/renewal.repository';
import { RenewalRunsService } from './renewals/renewal-runs.service';
import { SubscriptionSettlementListener } from './subscription-settlement.listener';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

/** Subscriptions, renewals, and what settling their invoices means (services; no controllers). */
@Module({
  imports: [ClockModule, PlansModule, MembersModule, BillingModule],
  providers: [
    SubscriptionRepository,
    SubscriptionService,
    SubscriptionSettlementListener,
    RenewalRepository,
    RenewalRunsService,
    AdvanceProFormasService,
  ],
  exports: [SubscriptionService, SubscriptionRepository, RenewalRunsService, AdvanceProFormasService],
})
export class SubscriptionModule {}
