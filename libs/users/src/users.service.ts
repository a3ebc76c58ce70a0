import { Injectable, Logger } from '@nestjs/common';
import { Clock, pageOf, Principal, ProblemException, Transactions, type Page, type Role } from '@tessera/core';
import type { MemberUser } from './account-state';
import { PasswordHasher } from './auth/password-hasher';
import { assertStrongPassword } from './auth/password-policy';
import { CreateUserDto, UpdateUserDto, UserDto, UserQueryDto } from './dto/user.dto';
import type { Locale, User } from './entities/user.entity';
import { SessionRepository } from './session.repository';
import { InvitationService } from './invitation.service';
import { UserRepository } from './user.repository';

/** Staff user administration, invitations and the first administrator. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly invitations: InvitationService,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  /** The signed-in person's own user record (API keys have none). */
  async currentUser(principal: Principal): Promise<UserDto> {
    const user = principal.kind === 'user' ? await this.users.findById(principal.userId) : null;
    if (!user) throw ProblemException.notFound('Only people have a profile; API keys do not.');
    return UserDto.from(user);
  }

  /** The signed-in person's own choices (their language); API keys have none. */
  async updatePreferences(principal: Principal, changes: { locale: Locale }): Promise<UserDto> {
    if (principal.kind !== 'user') throw ProblemException.notFound('Only people have preferences; API keys do not.');
    await this.users.updateLocale(principal.userId, changes.locale);
    return this.currentUser(principal);
  }

  /** Changes a user's language (e-mails and the SPA). */
  async setLocale(userId: string, locale: Locale): Promise<void> {
    await this.users.updateLocale(userId, locale);
  }

  async list(query: UserQueryDto): Promise<Page<UserDto>> {
    const staffOnly = query.kind === 'all' ? undefined : query.kind === 'staff';
    const [users, total] = await this.users.list({
      search: query.q,
      staffOnly,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(users.map(UserDto.from), total, query);
  }

  async get(id: string): Promise<UserDto> {
    return UserDto.from(await this.find(id));
  }

  /** Creates a staff user without a password and e-mails an activation link. */
  async create(dto: CreateUserDto, invitedBy: Principal): Promise<UserDto> {
    return this.transactions.run(async () => {
      if (await this.users.findByEmail(dto.email))
        throw ProblemException.conflict('A user with this e-mail already exists.', 'user-exists');
      const user = await this.users.save(
        this.users.create({
          email: dto.email,
          name: dto.name,
          roles: dto.roles,
          locale: dto.locale,
          passwordHash: null,
        }),
      );
      await this.invitations.send(user, await this.nameOf(invitedBy));
      return UserDto.from(user);
    });
  }

  async update(id: string, dto: UpdateUserDto, actor: Principal): Promise<UserDto> {
    return this.transactions.run(async () => {
      const user = await this.users.lockById(id);
      if (!user) throw ProblemException.notFound('No user with this id.');
      const self = actor.kind === 'user' && actor.userId === id;
      if (self && dto.active === false)
        throw ProblemException.conflict('You cannot deactivate your own account.', 'self-lockout');
      if (self && dto.roles && !dto.roles.includes('admin') && user.roles.includes('admin'))
        throw ProblemException.conflict('You cannot remove your own administrator role.', 'self-lockout');
      Object.assign(user, Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)));
      const saved = await this.users.save(user);
      if (dto.active === false) await this.sessions.revokeAllOfUser(id, 'deactivated', this.clock.now());
      return UserDto.from(saved);
    });
  }

  /** Sends (or re-sends, replacing the earlier link) the invitation of a not-yet-activated user. */
  async resendInvitation(id: string, actor: Principal | null): Promise<UserDto> {
    return this.transactions.run(async () => {
      const user = await this.users.lockById(id);
      if (!user) throw ProblemException.notFound('No user with this id.');
      this.invitations.assertAwaitingActivation(user);
      await this.invitations.send(user, await this.nameOf(actor));
      return UserDto.from(user);
    });
  }

  /**
   * The user behind a member's portal account: created (without a password, role `member`) if no
   * user has this e-mail, else the existing one gains the `member` role. Safe under concurrency:
   * the unique e-mail index lets exactly one caller create it; `created` tells which.
   */
  async ensureMemberUser(fields: { email: string; name: string; locale: Locale }): Promise<MemberUser> {
    return this.transactions.run(async () => {
      const createdId = await this.users.insertIfAbsent({ ...fields, roles: ['member'] });
      const user = await this.users.lockByEmail(fields.email);
      if (!user) throw new Error(`User ${fields.email} vanished while being ensured`);
      if (!user.roles.includes('member')) {
        user.roles = [...user.roles, 'member'];
        await this.users.save(user);
      }
      return { user: UserDto.from(user), created: createdId === user.id };
    });
  }

  /** Invites a member user created by ensureMemberUser (no-op reasons are the caller's to decide). */
  async inviteMember(userId: string): Promise<Date> {
    return this.transactions.run(async () => {
      const user = await this.users.lockById(userId);
      if (!user) throw ProblemException.notFound('No user with this id.');
      this.invitations.assertAwaitingActivation(user);
      return this.invitations.send(user, 'Tessera');
    });
  }

  /** Creates the administrator from ADMIN_EMAIL/ADMIN_PASSWORD when there are no users at all. */
  async ensureFirstAdmin(email: string | undefined, password: string | undefined): Promise<void> {
    if (!email || !password) return;
    await this.transactions.run(async () => {
      await this.users.lockFirstUserCreation();
      if ((await this.users.count()) > 0) return;
      assertStrongPassword(password, email, 'ADMIN_PASSWORD');
      await this.users.save(
        this.users.create({
          email,
          name: 'Administrator',
          roles: ['admin'],
          locale: 'en',
          passwordHash: await this.hasher.hash(password),
          passwordChangedAt: this.clock.now(),
        }),
      );
      this.logger.log(`Created the first administrator ${email}`);
    });
  }

  /** Demo data only: an activated user with a known password, created if the e-mail is free. */
  async seedUser(fields: {
    email: string;
    name: string;
    roles: Role[];
    password: string;
    locale?: Locale;
  }): Promise<boolean> {
    return this.transactions.run(async () => {
      if (await this.users.findByEmail(fields.email)) return false;
      await this.users.save(
        this.users.create({
          email: fields.email,
          name: fields.name,
          roles: fields.roles,
          locale: fields.locale ?? 'en',
          passwordHash: await this.hasher.hash(fields.password),
          passwordChangedAt: this.clock.now(),
        }),
      );
      return true;
    });
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw ProblemException.notFound('No user with this id.');
    return user;
  }

  private async nameOf(principal: Principal | null): Promise<string> {
    if (principal?.kind !== 'user') return 'Tessera';
    return (await this.users.findById(principal.userId))?.name ?? 'Tessera';
  }
}
