import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { ClockModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { PlansModule } from '@tessera/plans';
import { SubscriptionSettlementListener } from './subscription-settlement.listener';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

/** Subscriptions, and what settling their invoices means (services; no controllers). */
@Module({
  imports: [ClockModule, PlansModule, MembersModule, BillingModule],
  providers: [SubscriptionRepository, SubscriptionService, SubscriptionSettlementListener],
  exports: [SubscriptionService],
})
export class SubscriptionModule {}
