import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { IsNull } from 'typeorm';
import { UserToken, UserTokenPurpose } from './entities/user-token.entity';

@Injectable()
export class UserTokenRepository {
  constructor(private readonly transactions: Transactions) {}

  private get tokens() {
    return this.transactions.repository(UserToken);
  }

  /** Issues a token, consuming any still-open one of the same purpose (a resent link replaces the old). */
  async issue(
    userId: string,
    purpose: UserTokenPurpose,
    tokenHash: string,
    createdAt: Date,
    expiresAt: Date,
  ): Promise<void> {
    await this.tokens.update({ userId, purpose, consumedAt: IsNull() }, { consumedAt: createdAt });
    await this.tokens.insert({ userId, purpose, tokenHash, createdAt, expiresAt });
  }

  lockByHash(tokenHash: string, purpose: UserTokenPurpose): Promise<UserToken | null> {
    return this.tokens.findOne({ where: { tokenHash, purpose }, lock: { mode: 'pessimistic_write' } });
  }

  async consume(id: string, at: Date): Promise<void> {
    await this.tokens.update({ id }, { consumedAt: at });
  }

  async consumeAllOfUser(userId: string, at: Date): Promise<void> {
    await this.tokens.update({ userId, consumedAt: IsNull() }, { consumedAt: at });
  }

  /** When the latest token of this purpose was issued (e.g. "invitation sent on …"). */
  async lastIssuedAt(userId: string, purpose: UserTokenPurpose): Promise<Date | null> {
    const latest = await this.tokens.findOne({ where: { userId, purpose }, order: { createdAt: 'DESC' } });
    return latest?.createdAt ?? null;
  }
}
