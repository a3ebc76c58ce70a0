import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SettlementListeners, type SettledDocument, type SettlementListener } from '@tessera/billing';
import { Clock, ProblemException } from '@tessera/core';
import { canTransition as memberCanTransition, MembersService } from '@tessera/members';
import { ShareCertificatesService } from '../certificates/share-certificates.service';
import { ShareClassesService } from '../share-classes/share-classes.service';
import { transitionRefusal } from '../share-subscription-state';
import { ShareSubscriptionRepository } from '../share-subscriptions/share-subscription.repository';
import { SHARE_SUBSCRIPTION_SUBJECT } from '../share-subscriptions/share-subscription-outcomes.handler';
import { ShareRegisterRepository } from './share-register.repository';

/**
 * Payment makes a cooperator: when a capital release request is paid in full — whatever paid it
 * (bank import, staff payment, Stripe: all settle through billing) — inside the settling
 * transaction the candidate becomes a cooperator (a number on first shares), the shares enter
 * the register with the next numbers of their class, and the certificate is stored and e-mailed.
 * Billing calls a listener once per document settlement (the document row is locked), and the
 * register's unique issue per subscription makes a second issue impossible anyway.
 */
@Injectable()
export class CapitalReleaseSettlementListener implements SettlementListener, OnModuleInit {
  readonly subjectType = SHARE_SUBSCRIPTION_SUBJECT;

  constructor(
    private readonly listeners: SettlementListeners,
    private readonly subscriptions: ShareSubscriptionRepository,
    private readonly classes: ShareClassesService,
    private readonly register: ShareRegisterRepository,
    private readonly members: MembersService,
    private readonly certificates: ShareCertificatesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async onSettled(document: SettledDocument): Promise<void> {
    const row = await this.subscriptions.find(document.subjectId, true);
    if (!row) throw new Error(`No share subscription ${document.subjectId} for ${document.number}`);
    if (row.state === 'paid') return;
    const refusal = transitionRefusal(row.state, 'paid');
    if (refusal) throw ProblemException.conflict(`${row.reference}: ${refusal}`, 'illegal-transition');
    const shareClass = await this.classes.byId(row.shareClassId);
    if (!shareClass) throw new Error(`Share class ${row.shareClassId} vanished`);
    const now = this.clock.now();
    const memberId = document.memberId;
    await this.register.ensureCandidate(memberId, now);
    const cooperator = await this.register.lockCooperator(memberId);
    if (!cooperator) throw new Error(`No cooperator for member ${memberId}`);
    const number = await this.register.ensureEffective(cooperator, now);
    const range = await this.register.takeShareNumbers(shareClass.id, row.quantity);
    const movementId = await this.register.insertIssue({
      cooperatorId: cooperator.id,
      shareClassId: shareClass.id,
      range,
      unitPrice: row.unitPrice,
      currency: row.currency,
      effectiveOn: document.settledOn,
      subscriptionId: row.id,
      now,
    });
    await this.subscriptions.markPaid(row.id, now);
    if (shareClass.makesMember) await this.makeMember(memberId, row.reference);
    await this.certificates.issue({
      movementId,
      cooperatorId: cooperator.id,
      cooperatorNumber: number,
      memberId,
      shareClass: { code: shareClass.code, name: shareClass.name },
      range,
      unitPrice: row.unitPrice,
      currency: row.currency,
      date: document.settledOn,
      subscriptionReference: row.reference,
    });
  }

  /** Shares of a class that gives membership: a holder not yet a member becomes one. */
  private async makeMember(memberId: string, reference: string): Promise<void> {
    const member = await this.members.get(memberId);
    if (member.status !== 'member' && memberCanTransition(member.status, 'member'))
      await this.members.changeStatus(memberId, 'member', `Shares paid (${reference})`);
  }
}
