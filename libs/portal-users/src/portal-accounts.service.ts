import { Injectable } from '@nestjs/common';
import { Clock, normaliseEmail, ProblemException, Transactions } from '@tessera/core';
import { AuthService, UsersService } from '@tessera/users';
import { PortalAccountDto } from './dto/portal-account.dto';
import { PortalAccountRepository } from './portal-account.repository';
import type { AccountRequest, EnsuredAccount } from './portal-account.types';

/**
 * Members' portal accounts: made automatically (approval, confirmed order) or by staff, one per
 * normalised e-mail, invited with a single-use activation link; and what the staff console shows.
 */
@Injectable()
export class PortalAccountsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly accounts: PortalAccountRepository,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  /**
   * The account for this e-mail, created (and invited) if there is none — in the caller's
   * transaction, so it commits or rolls back with the approval or order that asked for it.
   * Concurrent calls for one e-mail wait on the user row; exactly one sees `created`.
   */
  async ensureAccount(request: AccountRequest): Promise<EnsuredAccount> {
    return this.transactions.run(async () => {
      const { user } = await this.users.ensureMemberUser(request);
      const created = await this.accounts.insertIfAbsent({
        userId: user.id,
        personId: request.personId ?? null,
        origin: request.origin,
        sourceReference: request.sourceReference,
        autoCreated: request.autoRegistered,
        acknowledgedAt: null,
        acknowledgedBy: null,
        createdAt: this.clock.now(),
      });
      const state = !user.active ? 'disabled' : user.activated ? 'active' : 'invited';
      if (created && state === 'invited') await this.users.inviteMember(user.id);
      return { userId: user.id, created, state };
    });
  }

  /** Staff's "Invite" / "Resend invitation": creates the account if none, else sends a new link. */
  async invite(request: Omit<AccountRequest, 'origin' | 'autoRegistered'>): Promise<PortalAccountDto> {
    return this.transactions.run(async () => {
      const ensured = await this.ensureAccount({ ...request, origin: 'staff', autoRegistered: false });
      if (!ensured.created) {
        if (ensured.state === 'active')
          throw ProblemException.conflict(
            'This member has already activated the account; send a password reset instead.',
            'account-active',
          );
        if (ensured.state === 'disabled')
          throw ProblemException.conflict('This account is disabled; enable the user first.', 'account-disabled');
        await this.users.inviteMember(ensured.userId);
      }
      return this.accountOf(request.email);
    });
  }

  /** Staff's "Send password reset" for an active account. */
  async sendPasswordReset(email: string): Promise<void> {
    const account = await this.accountOf(email);
    if (account.state === 'none')
      throw ProblemException.conflict('This member has no portal account yet; invite them instead.', 'no-account');
    if (account.state === 'invited')
      throw ProblemException.conflict(
        'This member has not activated the account yet; resend the invitation instead.',
        'account-invited',
      );
    if (account.state === 'disabled') throw ProblemException.conflict('This account is disabled.', 'account-disabled');
    await this.auth.forgotPassword(email);
  }

  /** Clears the "auto-registered" alert once staff have seen the account. */
  async acknowledge(email: string, staffUserId: string): Promise<PortalAccountDto> {
    const account = await this.accountOf(email);
    if (!account.userId || account.state === 'none')
      throw ProblemException.conflict('This member has no portal account.', 'no-account');
    if (account.needsAcknowledgement) await this.accounts.acknowledge(account.userId, staffUserId, this.clock.now());
    return this.accountOf(email);
  }

  async accountOf(email: string): Promise<PortalAccountDto> {
    return (await this.accountsOf([email])).get(normaliseEmail(email)) ?? PortalAccountDto.none();
  }

  /** Accounts by normalised e-mail; e-mails without one are absent from the map. */
  accountsOf(emails: string[]): Promise<Map<string, PortalAccountDto>> {
    return this.accounts.findByEmails(emails.map(normaliseEmail));
  }
}
