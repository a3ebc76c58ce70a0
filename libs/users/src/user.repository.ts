import { Injectable } from '@nestjs/common';
import { isoTimestampSql, normaliseEmail, STAFF_ROLES, Transactions, type Role } from '@tessera/core';
import { User, type Locale } from './entities/user.entity';

/**
 * SQL: the user `userIdSql` as UserDto (JSON, null if none), for read models above users that
 * answer with the signed-in user in the same statement (GET /me).
 */
export function userProfileJsonSql(userIdSql: string): string {
  return `(SELECT json_build_object('id', u.id, 'email', u.email, 'name', u.name, 'roles', u.roles,
             'locale', u.locale, 'active', u.active, 'activated', u.password_hash IS NOT NULL,
             'createdAt', ${isoTimestampSql('u.created_at')}, 'lastLoginAt', ${isoTimestampSql('u.last_login_at')})
             FROM users u WHERE u.id = ${userIdSql})`;
}

/** SQL: the name of the user `userIdSql` (null if none), for read models that name who acted. */
export function userNameSql(userIdSql: string): string {
  return `(SELECT u.name FROM users u WHERE u.id = ${userIdSql})`;
}

@Injectable()
export class UserRepository {
  constructor(private readonly transactions: Transactions) {}

  private get users() {
    return this.transactions.repository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normaliseEmail(email) });
  }

  lockByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: normaliseEmail(email) }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Inserts a user without a password unless the e-mail is taken; returns the new id, or null when
   * another row (maybe a concurrent transaction's, which this waits for) already has the e-mail.
   */
  async insertIfAbsent(fields: { email: string; name: string; locale: Locale; roles: Role[] }): Promise<string | null> {
    const rows: { id: string }[] = await this.transactions.manager.query(
      `INSERT INTO users (email, name, locale, roles) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [normaliseEmail(fields.email), fields.name, fields.locale, fields.roles],
    );
    return rows[0]?.id ?? null;
  }

  /** Locks the row for the rest of the transaction (password and session changes). */
  lockById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }

  create(fields: Partial<User>): User {
    return this.users.create({ ...fields, email: normaliseEmail(fields.email ?? '') });
  }

  /** Active users among these ids holding at least one of the roles. */
  activeWithAnyRole(ids: string[], roles: readonly Role[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.users
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids })
      .andWhere('u.active')
      .andWhere('u.roles && :roles', { roles })
      .orderBy('u.name')
      .getMany();
  }

  /** Active users holding any of these roles, by name. */
  activeWithAnyRoleOf(roles: readonly Role[]): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere('u.roles && :roles', { roles })
      .orderBy('u.name')
      .getMany();
  }

  /** Active users holding this role. */
  activeWithRole(role: Role): Promise<User[]> {
    return this.users
      .createQueryBuilder('u')
      .where('u.active')
      .andWhere(':role = ANY(u.roles)', { role })
      .orderBy('u.name')
      .getMany();
  }

  count(): Promise<number> {
    return this.users.count();
  }

  /** A page of users, newest first; `staffOnly` true keeps staff, false keeps everyone else. */
  async list(options: {
    search?: string;
    staffOnly?: boolean;
    offset: number;
    limit: number;
  }): Promise<[User[], number]> {
    const query = this.users
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .skip(options.offset)
      .take(options.limit);
    if (options.search) {
      const pattern = `%${options.search.replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere('(u.email ILIKE :pattern OR u.name ILIKE :pattern)', { pattern });
    }
    if (options.staffOnly !== undefined)
      query.andWhere(options.staffOnly ? 'u.roles && :staff' : 'NOT (u.roles && :staff)', { staff: STAFF_ROLES });
    return query.getManyAndCount();
  }

  async updateLocale(id: string, locale: Locale): Promise<void> {
    await this.users.update({ id }, { locale });
  }

  async touchLastLogin(id: string, at: Date): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: at });
  }

  /** A transaction-scoped advisory lock, so two processes never both seed the first admin. */
  async lockFirstUserCreation(): Promise<void> {
    await this.transactions.manager.query(`SELECT pg_advisory_xact_lock(hashtext('tessera:first-admin'))`);
  }
}
