import type { TestingModule } from '@nestjs/testing';
import { ProblemException } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { UserQueryDto } from '../dto/user.dto';
import { UsersModule } from '../users.module';
import { UsersService } from '../users.service';

describe('users and auth against the real database', () => {
  let moduleRef: TestingModule;
  let users: UsersService;
  let auth: AuthService;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [UsersModule], queues: [] });
    users = moduleRef.get(UsersService);
    auth = moduleRef.get(AuthService);
  });
  afterAll(() => moduleRef.close());

  it('creates the first administrator once, even when several processes start together', async () => {
    await Promise.all(
      Array.from({ length: 6 }, () => users.ensureFirstAdmin('first.admin@example.test', 'First-Admin-Password-1')),
    );
    await users.ensureFirstAdmin('second.admin@example.test', 'Second-Admin-Password-2');
    const rows = await moduleRef.get(DataSource).query(`SELECT email, roles FROM users`);
    expect(rows).toEqual([{ email: 'first.admin@example.test', roles: ['admin'] }]);
  });

  it('stores only an argon2id hash of the password', async () => {
    const [{ password_hash: hash }] = await moduleRef
      .get(DataSource)
      .query(`SELECT password_hash FROM users WHERE email = 'first.admin@example.test'`);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(hash).not.toContain('First-Admin-Password-1');
  });

  it('signs in case- and space-insensitively by e-mail, and refuses a wrong password', async () => {
    const session = await auth.login('  First.Admin@Example.TEST ', 'First-Admin-Password-1');
    expect(session.user.roles).toEqual(['admin']);
    await expect(auth.login('first.admin@example.test', 'wrong-password!!')).rejects.toBeInstanceOf(ProblemException);
  });

  it('takes about as long for an unknown e-mail as for a wrong password (no timing oracle)', async () => {
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      await auth.login(email, 'not-the-password').catch(() => undefined);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 7; round += 1) {
      known.push(await time('first.admin@example.test'));
      unknown.push(await time(`nobody${round}@example.test`));
    }
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('keeps tokens hashed at rest', async () => {
    const session = await auth.login('first.admin@example.test', 'First-Admin-Password-1');
    const rows: { token_hash: string }[] = await moduleRef
      .get(DataSource)
      .query(`SELECT token_hash FROM refresh_tokens`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.token_hash)).not.toContain(session.refreshToken);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash))).toBe(true);
  });

  it('lists staff by default, members (no staff role) on request, and both with kind=all', async () => {
    await moduleRef.get(DataSource).query(
      `INSERT INTO users (email, name, roles) VALUES
         ('kinds.member@example.test', 'Kinds Member', '{member}'),
         ('kinds.officer@example.test', 'Kinds Officer', '{officer}'),
         ('kinds.both@example.test', 'Kinds Both', '{member,finance}')`,
    );
    const emails = async (kind?: 'staff' | 'member' | 'all') =>
      (await users.list(Object.assign(new UserQueryDto(), { q: 'kinds.', ...(kind ? { kind } : {}) }))).items
        .map((user) => user.email)
        .sort();
    expect(await emails()).toEqual(['kinds.both@example.test', 'kinds.officer@example.test']);
    expect(await emails('staff')).toEqual(['kinds.both@example.test', 'kinds.officer@example.test']);
    expect(await emails('member')).toEqual(['kinds.member@example.test']);
    expect(await emails('all')).toHaveLength(3);
  });
});
