import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SettlementListeners, type SettledDocument, type SettlementListener } from '@tessera/billing';
import { MembersService } from '@tessera/members';
import type { Subscription } from './entities/subscription.entity';
import { RenewalDeclineMailer } from './renewals/renewal-decline.mailer';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';
import { SUBSCRIPTION_SUBJECT } from './subscription.types';

/**
 * What settling a subscription's invoice means, inside the settling transaction: a pending
 * subscription starts and its member becomes a Member; a first invoice credited before payment
 * cancels the subscription, and an Upcoming member goes back to Non-member.
 */
@Injectable()
export class SubscriptionSettlementListener implements SettlementListener, OnModuleInit {
  readonly subjectType = SUBSCRIPTION_SUBJECT;

  constructor(
    private readonly listeners: SettlementListeners,
    private readonly subscriptions: SubscriptionRepository,
    private readonly service: SubscriptionService,
    private readonly members: MembersService,
    private readonly declines: RenewalDeclineMailer,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async onSettled(document: SettledDocument): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription)
      throw new Error(`Document ${document.number} bills subscription ${document.subjectId}, which does not exist`);
    const why =
      document.kind === 'invoice' ? `Invoice ${document.number} settled` : `Pro-forma ${document.number} settled`;
    if (subscription.state === 'pending') await this.service.move(subscription, 'active', why, null);
    else if (subscription.state === 'active' && document.period)
      await this.service.enterPeriod(subscription, document.period);
    if (subscription.state === 'active') await this.members.changeStatus(subscription.memberId, 'member', why);
  }

  /** "I will not renew": the subscription ends with its current period (undone by reopening). */
  async onDeclined(document: SettledDocument, reason: string | null): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription || (subscription.state !== 'active' && subscription.state !== 'pending')) return;
    await this.service.scheduleEnd(subscription, `Renewal ${document.number} declined${reason ? `: ${reason}` : ''}`);
    await this.declines.send({ ...this.renewalOf(subscription, document), reason, reopened: false });
  }

  async onReopened(document: SettledDocument): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription) return;
    await this.service.cancelScheduledEnd(subscription, `Renewal ${document.number} reopened`);
    await this.declines.send({ ...this.renewalOf(subscription, document), reason: null, reopened: true });
  }

  private renewalOf(subscription: Subscription, document: SettledDocument) {
    return { memberId: subscription.memberId, number: document.number, endsOn: subscription.currentPeriodEnd };
  }

  async onCredited(document: SettledDocument, reason: string): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (subscription?.state !== 'pending') return;
    const why = `Invoice ${document.number} credited: ${reason}`;
    await this.service.move(subscription, 'cancelled', why, null, (row) => {
      row.endReason = why;
    });
    const member = await this.members.get(subscription.memberId);
    if (member.status === 'upcoming') await this.members.changeStatus(subscription.memberId, 'non-member', why);
  }
}
