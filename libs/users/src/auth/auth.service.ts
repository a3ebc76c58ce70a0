import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  AccessTokenClaims,
  AppConfig,
  Clock,
  JWT_AUDIENCE,
  JWT_ISSUER,
  ProblemException,
  Transactions,
} from '@tessera/core';
import { MailService } from '@tessera/notifications';
import { MessageDto, type IssuedSession } from '../dto/auth.dto';
import { UserDto } from '../dto/user.dto';
import type { Session } from '../entities/session.entity';
import type { User } from '../entities/user.entity';
import type { UserTokenPurpose } from '../entities/user-token.entity';
import { SessionRepository } from '../session.repository';
import { UserRepository } from '../user.repository';
import { UserTokenRepository } from '../user-token.repository';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  DAY_MS,
  MINUTE_MS,
  PASSWORD_RESET_TTL_MINUTES,
  SESSION_TTL_DAYS,
} from './auth.constants';
import { PasswordHasher } from './password-hasher';
import { assertStrongPassword } from './password-policy';
import { hashSecretToken, newSecretToken } from './secret-token';
import { sessionIdleTimeoutMs } from './session-idle';

export const FORGOT_PASSWORD_MESSAGE =
  'If an account exists for this e-mail, we have sent a link to reset the password. It is valid for one hour.';

const BAD_CREDENTIALS = 'The e-mail or password is not correct.';

/** Sign-in, token rotation, sign-out and password recovery. */
@Injectable()
export class AuthService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: UserTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<IssuedSession> {
    const user = await this.users.findByEmail(email);
    // Verify even for unknown users (against a decoy hash) so timing does not reveal accounts.
    const valid = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !valid) throw ProblemException.unauthorized(BAD_CREDENTIALS, 'invalid-credentials');
    return this.transactions.run(() => this.startSession(user));
  }

  /**
   * Rotates a refresh token. Presenting one already used revokes its whole session (theft signal);
   * so does presenting one older than the user's idle timeout (see session-idle.ts).
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const outcome = await this.transactions.run(async () => {
      const now = this.clock.now();
      const found = await this.sessions.lockRefreshToken(hashSecretToken(refreshToken));
      if (!found || found.session.revokedAt || found.session.expiresAt <= now) return null;
      if (found.token.usedAt) {
        await this.sessions.revoke(found.session.id, 'refresh token reused', now);
        return 'reused' as const;
      }
      const user = await this.users.findById(found.session.userId);
      if (!user?.active) return null;
      if (now.getTime() - found.token.createdAt.getTime() > sessionIdleTimeoutMs(user.roles, this.config)) {
        await this.sessions.revoke(found.session.id, 'idle timeout', now);
        return 'idle' as const;
      }
      await this.sessions.markUsed(found.token.id, now);
      return this.issueTokens(user, found.session);
    });
    if (outcome === 'reused')
      throw ProblemException.unauthorized(
        'This sign-in was ended because an old token was reused. Sign in again.',
        'refresh-token-reused',
      );
    if (outcome === 'idle')
      throw ProblemException.unauthorized(
        'You were signed out after a period of inactivity. Sign in again.',
        'session-idle-timeout',
      );
    if (!outcome)
      throw ProblemException.unauthorized('Your session has expired. Sign in again.', 'invalid-refresh-token');
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.transactions.run(async () => {
      const found = await this.sessions.lockRefreshToken(hashSecretToken(refreshToken));
      if (found) await this.sessions.revoke(found.session.id, 'signed out', this.clock.now());
    });
  }

  /** Ends the session an access token belongs to (sign-out of a browser, which holds no refresh token). */
  async endSession(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, 'signed out', this.clock.now());
  }

  /** Ends every session of the user, this one included ("sign out everywhere"). */
  async logoutEverywhere(userId: string): Promise<void> {
    await this.sessions.revokeAllOfUser(userId, 'signed out everywhere', this.clock.now());
  }

  /** Always the same answer; e-mails a link only when an active account exists. */
  async forgotPassword(email: string): Promise<MessageDto> {
    const { token, hash } = newSecretToken();
    await this.transactions.run(async () => {
      const user = await this.users.findByEmail(email);
      if (!user?.active) return;
      const now = this.clock.now();
      await this.tokens.issue(
        user.id,
        'password-reset',
        hash,
        now,
        new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * MINUTE_MS),
      );
      await this.mail.send({
        to: user.email,
        template: 'password-reset',
        locale: user.locale,
        data: {
          name: user.name,
          resetUrl: this.link('/reset-password', token),
          expiresInMinutes: PASSWORD_RESET_TTL_MINUTES,
        },
        secretKeys: ['resetUrl'],
      });
    });
    return { message: FORGOT_PASSWORD_MESSAGE };
  }

  /** Sets a new password from a reset link and ends every session of the user. */
  async resetPassword(token: string, password: string): Promise<MessageDto> {
    await this.setPasswordWithToken('password-reset', token, password);
    return { message: 'Your password has been changed. Sign in with your new password.' };
  }

  /** Sets the first password of an invited account and signs it in. */
  async activate(token: string, password: string): Promise<IssuedSession> {
    return this.transactions.run(async () => {
      const user = await this.setPasswordWithToken('activation', token, password);
      return this.startSession(user);
    });
  }

  /** Issues a one-time link token for a user (used by invitations); returns the raw token. */
  async issueLinkToken(userId: string, purpose: UserTokenPurpose, ttlMs: number): Promise<string> {
    const { token, hash } = newSecretToken();
    const now = this.clock.now();
    await this.tokens.issue(userId, purpose, hash, now, new Date(now.getTime() + ttlMs));
    return token;
  }

  /** The token rides in the fragment, which browsers never send: no proxy or server log sees it. */
  link(path: string, token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}${path}#token=${encodeURIComponent(token)}`;
  }

  private setPasswordWithToken(purpose: UserTokenPurpose, token: string, password: string): Promise<User> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const row = await this.tokens.lockByHash(hashSecretToken(token), purpose);
      if (!row || row.consumedAt || row.expiresAt <= now) throw this.linkGone(purpose);
      const user = await this.users.lockById(row.userId);
      if (!user?.active) throw this.linkGone(purpose);
      assertStrongPassword(password, user.email);
      user.passwordHash = await this.hasher.hash(password);
      user.passwordChangedAt = now;
      await this.users.save(user);
      await this.tokens.consumeAllOfUser(user.id, now);
      await this.sessions.revokeAllOfUser(user.id, 'password changed', now);
      return user;
    });
  }

  private linkGone(purpose: UserTokenPurpose): ProblemException {
    return purpose === 'activation'
      ? ProblemException.gone(
          'This activation link has expired or was already used. Ask for a new one.',
          'activation-link-gone',
        )
      : ProblemException.gone('This reset link has expired or was already used. Request a new one.', 'reset-link-gone');
  }

  private async startSession(user: User): Promise<IssuedSession> {
    const now = this.clock.now();
    const session = await this.sessions.createSession(
      user.id,
      now,
      new Date(now.getTime() + SESSION_TTL_DAYS * DAY_MS),
    );
    await this.users.touchLastLogin(user.id, now);
    user.lastLoginAt = now;
    return this.issueTokens(user, session);
  }

  private async issueTokens(user: User, session: Session): Promise<IssuedSession> {
    const refresh = newSecretToken();
    await this.sessions.addRefreshToken(session.id, refresh.hash, this.clock.now());
    const claims: AccessTokenClaims = { sub: user.id, sid: session.id, roles: user.roles };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
    });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: UserDto.from(user),
      sessionExpiresAt: session.expiresAt,
    };
  }
}
