import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { Allocation } from '../entities/allocation.entity';
import { Payment } from '../entities/payment.entity';

@Injectable()
export class PaymentRepository {
  constructor(private readonly transactions: Transactions) {}

  private get payments() {
    return this.transactions.repository(Payment);
  }

  /**
   * Serialises everything that records the payment with this source key (a Stripe session, a bank
   * line) until the transaction ends, so the check "already recorded?" and the insert are one step.
   */
  async lockSourceKey(sourceKey: string): Promise<void> {
    await this.transactions.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [sourceKey]);
  }

  findBySourceKey(sourceKey: string): Promise<Payment | null> {
    return this.payments.findOne({ where: { sourceKey } });
  }

  findById(id: string): Promise<Payment | null> {
    return this.payments.findOne({ where: { id } });
  }

  lockById(id: string): Promise<Payment | null> {
    return this.payments.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async insert(payment: Omit<Payment, 'id'>): Promise<Payment> {
    return this.payments.save(this.payments.create(payment));
  }

  async update(payment: Payment): Promise<void> {
    await this.payments.update({ id: payment.id }, payment);
  }

  /** The member's payments with money left in this currency, oldest first, locked: their credit. */
  lockCredit(memberId: string, currency: string): Promise<Payment[]> {
    return this.payments
      .createQueryBuilder('p')
      .where('p.member_id = :memberId AND p.currency = :currency', { memberId, currency })
      .andWhere('p.unallocated_amount > 0 AND p.reversed_at IS NULL')
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** The member's credit per currency. */
  async creditOf(memberId: string): Promise<{ currency: string; amount: number }[]> {
    return (await this.transactions.manager.query(
      `SELECT currency, sum(unallocated_amount)::int AS amount FROM billing_payments
        WHERE member_id = $1 AND unallocated_amount > 0 AND reversed_at IS NULL GROUP BY currency ORDER BY currency`,
      [memberId],
    )) as { currency: string; amount: number }[];
  }

  /** The allocations of a payment still standing, locked. */
  lockLiveAllocations(paymentId: string): Promise<Allocation[]> {
    return this.transactions
      .repository(Allocation)
      .createQueryBuilder('a')
      .where('a.payment_id = :paymentId AND a.reversed_at IS NULL', { paymentId })
      .orderBy('a.allocated_at', 'ASC')
      .setLock('pessimistic_write')
      .getMany();
  }

  async markAllocationReversed(id: string, at: Date): Promise<void> {
    await this.transactions.repository(Allocation).update({ id }, { reversedAt: at });
  }
}
