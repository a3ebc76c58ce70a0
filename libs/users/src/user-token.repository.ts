import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { IsNull } from 'typeorm';
import { UserToken, UserTokenPurpose } from './entities/user-token.entity';

/**
 * SQL: when the user `userIdSql` was last sent an invitation (its newest activation token, used
 * or not), or null; for read models above users. Served by user_tokens_user_purpose_created_idx.
 */
export function lastInvitedAtSql(userIdSql: string): string {
  return `(SELECT max(t.created_at) FROM user_tokens t WHERE t.user_id = ${userIdSql} AND t.purpose = 'activation')`;
}

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
    newEmail: string | null = null,
  ): Promise<void> {
    await this.consumeOpen(userId, purpose, createdAt);
    await this.tokens.insert({ userId, purpose, tokenHash, createdAt, expiresAt, newEmail });
  }

  /** Uses up the user's open tokens of one purpose (e.g. reset links once the password changed). */
  async consumeOpen(userId: string, purpose: UserTokenPurpose, at: Date): Promise<void> {
    await this.tokens.update({ userId, purpose, consumedAt: IsNull() }, { consumedAt: at });
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
}
