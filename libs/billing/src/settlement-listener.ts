import { Injectable } from '@nestjs/common';

/** A document whose settlement a listener hears of. */
export interface SettledDocument {
  documentId: string;
  kind: 'invoice' | 'pro-forma' | 'capital-release';
  number: string;
  memberId: string;
  subjectType: string;
  subjectId: string;
  /** The period it bills (local dates, inclusive), when it bills one. */
  period: { start: string; end: string } | null;
  /** Local date of the settlement in the organisation's time zone. */
  settledOn: string;
}

/**
 * The billing side of the domains above it (architecture "Wave 2 layering": billing knows members
 * but never subscriptions). A listener owns the documents of one subject type; each method runs
 * INSIDE the transaction that settled or credited the document: what it writes commits with it,
 * and if it throws the settlement is rolled back too.
 */
export interface SettlementListener {
  readonly subjectType: string;
  /** The document is now paid in full (a zero document: at once, when issued). */
  onSettled(document: SettledDocument): Promise<void>;
  /** An unpaid invoice was credited in full: what it billed will not be paid. */
  onCredited?(document: SettledDocument, reason: string): Promise<void>;
  /** A pro-forma was declined: what it billed will not be renewed. */
  onDeclined?(document: SettledDocument, reason: string | null): Promise<void>;
  /** A paid invoice is due again (a payment reversed); `settledOn` is the day it was reversed. */
  onUnsettled?(document: SettledDocument): Promise<void>;
  /** A declined pro-forma was reopened: renewal is back on. */
  onReopened?(document: SettledDocument): Promise<void>;
}

/** Listeners by subject type; the owning domain registers its listener in onModuleInit. */
@Injectable()
export class SettlementListeners {
  private readonly listeners = new Map<string, SettlementListener>();

  register(listener: SettlementListener): void {
    const existing = this.listeners.get(listener.subjectType);
    if (existing && existing !== listener)
      throw new Error(`A settlement listener for subject type "${listener.subjectType}" is already registered`);
    this.listeners.set(listener.subjectType, listener);
  }

  listenerFor(subjectType: string | null): SettlementListener | undefined {
    return subjectType ? this.listeners.get(subjectType) : undefined;
  }
}
