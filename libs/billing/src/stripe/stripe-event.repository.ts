import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { IsNull } from 'typeorm';
import { Payment } from '../entities/payment.entity';
import type { StripeEventOutcome } from './stripe-event-decision';
import { StripeEvent } from './stripe-event.entity';

@Injectable()
export class StripeEventRepository {
  constructor(private readonly transactions: Transactions) {}

  private get events() {
    return this.transactions.repository(StripeEvent);
  }

  /** Notes that the event arrived; a later delivery of it leaves the first row as it was. */
  async recordArrival(id: string, type: string, at: Date): Promise<void> {
    await this.events
      .createQueryBuilder()
      .insert()
      .into(StripeEvent)
      .values({ id, type, receivedAt: at, processedAt: null, outcome: null, detail: null, paymentId: null })
      .orIgnore()
      .execute();
  }

  /** The event's row, locked until the transaction ends: one delivery processes it at a time. */
  lock(id: string): Promise<StripeEvent | null> {
    return this.events.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findById(id: string): Promise<StripeEvent | null> {
    return this.events.findOne({ where: { id } });
  }

  async markProcessed(
    id: string,
    at: Date,
    outcome: StripeEventOutcome,
    detail: string,
    paymentId: string | null,
  ): Promise<void> {
    await this.events.update({ id }, { processedAt: at, outcome, detail, paymentId });
  }

  /** Keeps why processing failed on a row still to process (Stripe delivers it again). */
  async markFailed(id: string, detail: string): Promise<void> {
    await this.events.update({ id, processedAt: IsNull() }, { outcome: 'failed', detail });
  }

  /** The payment Stripe's webhook recorded for this payment intent (pi_…): what a refund takes back. */
  findStripePayment(paymentIntentId: string): Promise<Payment | null> {
    return this.transactions
      .repository(Payment)
      .findOne({ where: { source: 'stripe', externalReference: paymentIntentId }, order: { createdAt: 'ASC' } });
  }
}
