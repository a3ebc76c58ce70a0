import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { In } from 'typeorm';
import { PortalAccount } from './entities/portal-account.entity';

@Injectable()
export class PortalAccountRepository {
  constructor(private readonly transactions: Transactions) {}

  private get accounts() {
    return this.transactions.repository(PortalAccount);
  }

  /** Inserts the account unless the user has one (a concurrent insert is waited for); true if inserted. */
  async insertIfAbsent(account: PortalAccount): Promise<boolean> {
    const result = await this.accounts
      .createQueryBuilder()
      .insert()
      .values(account)
      .orIgnore()
      .returning(['userId'])
      .execute();
    return result.raw.length > 0;
  }

  findByUserId(userId: string): Promise<PortalAccount | null> {
    return this.accounts.findOneBy({ userId });
  }

  findByUserIds(userIds: string[]): Promise<PortalAccount[]> {
    return userIds.length === 0 ? Promise.resolve([]) : this.accounts.findBy({ userId: In(userIds) });
  }

  async acknowledge(userId: string, by: string, at: Date): Promise<void> {
    await this.accounts.update({ userId }, { acknowledgedAt: at, acknowledgedBy: by });
  }
}
