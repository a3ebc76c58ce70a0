import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  BillingDocumentsService,
  SettlementListeners,
  type SettledDocument,
  type SettlementListener,
} from '@tessera/billing';
import { addDays } from './periods';
import { MemberStatusService } from './statuses/member-status.service';
import type { Subscription } from './entities/subscription.entity';
import { RenewalDeclineMailer } from './renewals/renewal-decline.mailer';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';
import { SUBSCRIPTION_SUBJECT } from './subscription.types';

/**
 * What settling a subscription's invoice means, inside the settling transaction: a pending
 * subscription starts, an active one moves into the period paid; a first invoice credited before
 * payment cancels the subscription. The member's status then follows through the status engine
 * (Member, or back to Non-member), with its reason recorded.
 */
@Injectable()
export class SubscriptionSettlementListener implements SettlementListener, OnModuleInit {
  readonly subjectType = SUBSCRIPTION_SUBJECT;

  constructor(
    private readonly listeners: SettlementListeners,
    private readonly subscriptions: SubscriptionRepository,
    private readonly service: SubscriptionService,
    private readonly billing: BillingDocumentsService,
    private readonly statuses: MemberStatusService,
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
    if (subscription.state === 'active') await this.enterPeriodsPaidAhead(subscription);
    await this.statuses.refresh(subscription.memberId);
  }

  /**
   * Periods paid further ahead wait their turn; once the period before them is paid the
   * subscription moves through them too, so its current period always ends where the payments
   * without a gap reach (what the status sweep reads as "paid through").
   */
  private async enterPeriodsPaidAhead(subscription: Subscription): Promise<void> {
    const invoices = await this.billing.subjectInvoices(SUBSCRIPTION_SUBJECT, [subscription.id]);
    const settled = new Map(
      invoices.filter((invoice) => invoice.settledOn !== null).map((invoice) => [invoice.periodStart, invoice]),
    );
    for (;;) {
      const next = settled.get(addDays(subscription.currentPeriodEnd, 1));
      if (!next) return;
      await this.service.enterPeriod(subscription, { start: next.periodStart, end: next.periodEnd });
    }
  }

  /**
   * A payment reversed: its invoice is due again. A renewal period's subscription steps back to
   * the period before it, and the member's status follows at once (Member → In grace period, …).
   */
  async onUnsettled(document: SettledDocument): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription) return;
    if (document.period) {
      const invoices = await this.billing.subjectInvoices(SUBSCRIPTION_SUBJECT, [subscription.id]);
      const before = addDays(document.period.start, -1);
      const previous = invoices.find((invoice) => invoice.periodEnd === before);
      await this.service.leavePeriod(
        subscription,
        document.period,
        previous?.periodStart ?? subscription.startDate,
        `Payment of ${document.number} reversed: paid through ${before}`,
      );
    }
    await this.statuses.refresh(subscription.memberId);
  }

  /** "I will not renew": the subscription ends with its current period (undone by reopening). */
  async onDeclined(document: SettledDocument, reason: string | null): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription || (subscription.state !== 'active' && subscription.state !== 'pending')) return;
    await this.service.scheduleEnd(subscription, `Renewal ${document.number} declined${reason ? `: ${reason}` : ''}`);
    await this.declines.send({ ...this.renewalOf(subscription, document), reason, reopened: false });
    await this.statuses.refresh(subscription.memberId);
  }

  async onReopened(document: SettledDocument): Promise<void> {
    const subscription = await this.subscriptions.lockById(document.subjectId);
    if (!subscription) return;
    await this.service.cancelScheduledEnd(subscription, `Renewal ${document.number} reopened`);
    await this.declines.send({ ...this.renewalOf(subscription, document), reason: null, reopened: true });
    await this.statuses.refresh(subscription.memberId);
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
    await this.statuses.refresh(subscription.memberId);
  }
}
