import { Injectable } from '@nestjs/common';
import {
  Clock,
  isUniqueViolation,
  normaliseEmail,
  ProblemException,
  Transactions,
  userIdOf,
  type Principal,
} from '@tessera/core';
import { MailService } from '@tessera/notifications';
import { AuthService } from '../auth/auth.service';
import { EMAIL_CHANGE_TTL_HOURS, MINUTE_MS } from '../auth/auth.constants';
import { PasswordHasher } from '../auth/password-hasher';
import { assertStrongPassword } from '../auth/password-policy';
import { hashSecretToken, newSecretToken } from '../auth/secret-token';
import type { EmailChangedDto, EmailChangeRequestedDto } from '../dto/account.dto';
import { MessageDto } from '../dto/auth.dto';
import type { User } from '../entities/user.entity';
import { SessionRepository } from '../session.repository';
import { UserRepository } from '../user.repository';
import { UserTokenRepository } from '../user-token.repository';

const HOUR_MS = 60 * MINUTE_MS;

/**
 * A signed-in person changing their own sign-in details: the password (the current one first;
 * every other session ends) and the e-mail (effective only once a link sent to the new address
 * is opened; the old address is told when it is asked for).
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: UserTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Sets a new password. Hashing happens outside the transaction; inside, the row is locked and
   * must still hold the hash that was checked, so of two changes at once the second finds its
   * "current password" no longer current (400), never a silent overwrite.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<MessageDto> {
    const checked = await this.checkCurrentPassword(principal, currentPassword);
    assertStrongPassword(newPassword, checked.email, 'newPassword');
    if (await this.hasher.verify(checked.passwordHash, newPassword))
      throw ProblemException.validation([
        { field: 'newPassword', code: 'passwordUnchanged', message: 'must differ from the current password' },
      ]);
    const newHash = await this.hasher.hash(newPassword);
    await this.transactions.run(async () => {
      const user = await this.users.lockById(checked.id);
      if (!user?.active || user.passwordHash !== checked.passwordHash) throw wrongCurrentPassword();
      const now = this.clock.now();
      user.passwordHash = newHash;
      user.passwordChangedAt = now;
      await this.users.save(user);
      await this.tokens.consumeOpen(user.id, 'password-reset', now);
      if (principal.kind === 'user')
        await this.sessions.revokeOthersOfUser(user.id, principal.sessionId, 'password changed', now);
    });
    return { message: 'Your password has been changed. You were signed out on your other devices.' };
  }

  /** E-mails a confirmation link to `newEmail` and tells the current address; nothing changes yet. */
  async requestEmailChange(
    principal: Principal,
    currentPassword: string,
    requested: string,
  ): Promise<EmailChangeRequestedDto> {
    const checked = await this.checkCurrentPassword(principal, currentPassword);
    const newEmail = normaliseEmail(requested);
    if (newEmail === checked.email)
      throw ProblemException.validation([
        { field: 'newEmail', code: 'emailUnchanged', message: 'is already your sign-in e-mail' },
      ]);
    const { token, hash } = newSecretToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_TTL_HOURS * HOUR_MS);
    await this.transactions.run(async () => {
      const user = await this.users.lockById(checked.id);
      if (!user?.active) throw wrongCurrentPassword();
      await this.assertEmailFree(newEmail, user.id);
      // A newer request replaces an open one: only the latest link works.
      await this.tokens.issue(user.id, 'email-change', hash, now, expiresAt, newEmail);
      const common = { name: user.name, newEmail, expiresInHours: EMAIL_CHANGE_TTL_HOURS };
      await this.mail.send({
        to: newEmail,
        template: 'email-change-confirm',
        locale: user.locale,
        data: { ...common, confirmUrl: this.auth.link('/confirm-email', token) },
        secretKeys: ['confirmUrl'],
      });
      await this.mail.send({ to: user.email, template: 'email-change-requested', locale: user.locale, data: common });
    });
    return {
      message: `We have sent a confirmation link to ${newEmail}. It is valid for ${EMAIL_CHANGE_TTL_HOURS} hours.`,
      newEmail,
      expiresAt: expiresAt.toISOString(),
    };
  }

  /**
   * Makes the address of an e-mail-change link the user's sign-in e-mail, once. Reset and other
   * links sent to the old address are used up with it. Taken meanwhile by another account: 409.
   */
  async confirmEmailChange(token: string): Promise<EmailChangedDto> {
    try {
      return await this.transactions.run(async () => {
        const now = this.clock.now();
        const row = await this.tokens.lockByHash(hashSecretToken(token), 'email-change');
        if (!row?.newEmail || row.consumedAt || row.expiresAt <= now) throw emailLinkGone();
        const user = await this.users.lockById(row.userId);
        if (!user?.active) throw emailLinkGone();
        await this.assertEmailFree(row.newEmail, user.id);
        user.email = row.newEmail;
        await this.users.save(user);
        await this.tokens.consumeAllOfUser(user.id, now);
        return { message: `Your sign-in e-mail is now ${user.email}.`, email: user.email };
      });
    } catch (error) {
      // Another account took the address between our check and the commit (the unique index decides).
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }

  private async checkCurrentPassword(principal: Principal, password: string): Promise<User> {
    const user = await this.users.findById(userIdOf(principal));
    if (!user?.active || !(await this.hasher.verify(user.passwordHash, password))) throw wrongCurrentPassword();
    return user;
  }

  private async assertEmailFree(email: string, ownerId: string): Promise<void> {
    const holder = await this.users.findByEmail(email);
    if (holder && holder.id !== ownerId) throw emailTaken();
  }
}

function wrongCurrentPassword(): ProblemException {
  return ProblemException.validation([
    { field: 'currentPassword', code: 'currentPasswordWrong', message: 'is not your current password' },
  ]);
}

function emailTaken(): ProblemException {
  return ProblemException.conflict('Another account already signs in with this e-mail address.', 'email-taken');
}

function emailLinkGone(): ProblemException {
  return ProblemException.gone(
    'This confirmation link has expired or was already used. Ask for the change again from your account.',
    'email-change-link-gone',
  );
}
