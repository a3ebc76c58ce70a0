import { Module } from '@nestjs/common';
import { BillingModule } from '@tessera/billing';
import { ClockModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { PlansModule } from '@tessera/plans';
import { SettingsModule } from '@tessera/settings';
import { SubscriptionModule } from '@tessera/subscription';
import { MemberStandingService } from './card/member-standing.service';
import { MembershipCardRepository } from './card/membership-card.repository';
import { MembershipCardService } from './card/membership-card.service';
import { MembershipSummaryService } from './summary/membership-summary.service';

/** The member portal's own reads and its membership cards (services and repository; no controllers). */
@Module({
  imports: [ClockModule, SettingsModule, PlansModule, MembersModule, BillingModule, SubscriptionModule],
  providers: [MembershipCardRepository, MemberStandingService, MembershipCardService, MembershipSummaryService],
  exports: [MembershipCardService, MembershipSummaryService],
})
export class PortalModule {}
