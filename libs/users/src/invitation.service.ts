import { Injectable } from '@nestjs/common';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { MailService } from '@tessera/notifications';
import { ACTIVATION_TTL_DAYS, DAY_MS } from './auth/auth.constants';
import { AuthService } from './auth/auth.service';
import { hashSecretToken } from './auth/secret-token';
import type { User } from './entities/user.entity';
import { UserRepository } from './user.repository';
import { UserTokenRepository } from './user-token.repository';

/** Invitations: a single-use activation link (7 days) e-mailed to a user who has no password yet. */
@Injectable()
export class InvitationService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly tokens: UserTokenRepository,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues a new link (superseding any earlier one) and e-mails it, in the caller's transaction.
   * Members get the portal invitation; staff the back-office one. Returns when it was issued.
   */
  async send(user: User, invitedBy: string): Promise<Date> {
    const token = await this.auth.issueLinkToken(user.id, 'activation', ACTIVATION_TTL_DAYS * DAY_MS);
    const activationUrl = this.auth.link('/activate', token);
    const common = { to: user.email, locale: user.locale, secretKeys: ['activationUrl' as const] };
    const data = { name: user.name, activationUrl, expiresInDays: ACTIVATION_TTL_DAYS };
    if (isMemberOnly(user)) await this.mail.send({ ...common, template: 'portal-invitation', data });
    else await this.mail.send({ ...common, template: 'staff-invitation', data: { ...data, invitedBy } });
    return this.clock.now();
  }

  /**
   * "Send me a new link" from an expired or superseded invitation: e-mails a fresh one to the
   * account the old link belonged to, if it still awaits activation. The answer never depends on
   * the token, so it reveals nothing; only the account's owner receives the link.
   */
  async renew(oldToken: string): Promise<void> {
    await this.transactions.run(async () => {
      const row = await this.tokens.findByHash(hashSecretToken(oldToken), 'activation');
      if (!row) return;
      const user = await this.users.lockById(row.userId);
      if (!user?.active || user.passwordHash) return;
      await this.send(user, 'Tessera');
    });
  }

  /** When each user's latest invitation was sent. */
  /** Refuses to (re)invite an account that no longer awaits activation. */
  assertAwaitingActivation(user: User): void {
    if (user.passwordHash)
      throw ProblemException.conflict(
        'This account is already active; send a password reset instead.',
        'already-active',
      );
    if (!user.active) throw ProblemException.conflict('This account is disabled.', 'account-disabled');
  }
}

const isMemberOnly = (user: User): boolean => user.roles.every((role) => role === 'member');
