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

  findByHash(tokenHash: string, purpose: UserTokenPurpose): Promise<UserToken | null> {
    return this.tokens.findOneBy({ tokenHash, purpose });
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

  async lastIssuedAtOf(userIds: string[], purpose: UserTokenPurpose): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows: { user_id: string; at: Date }[] = await this.transactions.manager.query(
      `SELECT user_id, max(created_at) AS at FROM user_tokens WHERE user_id = ANY($1) AND purpose = $2 GROUP BY user_id`,
      [userIds, purpose],
    );
    return new Map(rows.map((row) => [row.user_id, row.at]));
  }
}
