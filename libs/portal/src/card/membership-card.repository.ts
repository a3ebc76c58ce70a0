import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { IsNull } from 'typeorm';
import { MembershipCard } from '../entities/membership-card.entity';

@Injectable()
export class MembershipCardRepository {
  constructor(private readonly transactions: Transactions) {}

  private get cards() {
    return this.transactions.repository(MembershipCard);
  }

  findById(id: string): Promise<MembershipCard | null> {
    return this.cards.findOneBy({ id });
  }

  /** The member's card in force, locked until the transaction ends. */
  lockLive(memberId: string): Promise<MembershipCard | null> {
    return this.cards.findOne({ where: { memberId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Issues a card unless the member has one in force (the partial unique index decides, also
   * against a concurrent issue, which this waits for).
   */
  async insertLiveIfNone(memberId: string, issuedAt: Date): Promise<void> {
    await this.cards.createQueryBuilder().insert().values({ memberId, issuedAt }).orIgnore().execute();
  }

  async revoke(id: string, reason: string, at: Date): Promise<void> {
    await this.cards.update({ id, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }
}
