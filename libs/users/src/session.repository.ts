import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { IsNull, Not } from 'typeorm';
import { RefreshToken, Session } from './entities/session.entity';
import { User } from './entities/user.entity';

@Injectable()
export class SessionRepository {
  constructor(private readonly transactions: Transactions) {}

  private get sessions() {
    return this.transactions.repository(Session);
  }

  private get refreshTokens() {
    return this.transactions.repository(RefreshToken);
  }

  createSession(userId: string, createdAt: Date, expiresAt: Date): Promise<Session> {
    return this.sessions.save(this.sessions.create({ userId, createdAt, expiresAt }));
  }

  async addRefreshToken(sessionId: string, tokenHash: string, createdAt: Date): Promise<void> {
    await this.refreshTokens.insert({ sessionId, tokenHash, createdAt });
  }

  /** The token and its session, the token row locked so concurrent refreshes queue up. */
  async lockRefreshToken(tokenHash: string): Promise<{ token: RefreshToken; session: Session } | null> {
    const token = await this.refreshTokens.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    if (!token) return null;
    const session = await this.sessions.findOneByOrFail({ id: token.sessionId });
    return { token, session };
  }

  async markUsed(tokenId: string, at: Date): Promise<void> {
    await this.refreshTokens.update({ id: tokenId }, { usedAt: at });
  }

  async revoke(sessionId: string, reason: string, at: Date): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }

  async revokeAllOfUser(userId: string, reason: string, at: Date): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: at, revokedReason: reason });
  }

  /** Ends every session of the user but `keepSessionId` (a password changed from this one). */
  async revokeOthersOfUser(userId: string, keepSessionId: string, reason: string, at: Date): Promise<void> {
    await this.sessions.update(
      { userId, revokedAt: IsNull(), id: Not(keepSessionId) },
      { revokedAt: at, revokedReason: reason },
    );
  }

  /**
   * The id and roles of the user behind a live session, in one query: every authenticated request
   * asks this, so it is a prepared statement without entity hydration (see bench/).
   */
  async findLiveSessionUser(sessionId: string, userId: string, now: Date): Promise<Pick<User, 'id' | 'roles'> | null> {
    const [row] = await this.transactions.prepared<Pick<User, 'id' | 'roles'>>(
      'live-session-user',
      `SELECT u.id, u.roles FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND u.id = $2 AND s.revoked_at IS NULL AND s.expires_at > $3 AND u.active`,
      [sessionId, userId, now],
    );
    return row ?? null;
  }
}
