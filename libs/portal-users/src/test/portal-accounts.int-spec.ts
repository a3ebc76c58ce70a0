import type { TestingModule } from '@nestjs/testing';
import { ProblemException } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { AuthService, InvitationService, UsersService } from '@tessera/users';
import { DataSource } from 'typeorm';
import { PortalAccountsService } from '../portal-accounts.service';
import { PortalUsersModule } from '../portal-users.module';
import type { AccountRequest } from '../portal-account.types';
import { LinkPortalAccountsToPersons1764600100000 } from '../migrations/1764600100000-link-portal-accounts-to-persons';

const STRONG_PASSWORD = 'Member-Portal-Password-7';

describe('portal accounts against the real database', () => {
  let moduleRef: TestingModule;
  let accounts: PortalAccountsService;
  let db: DataSource;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [PortalUsersModule], queues: [] });
    accounts = moduleRef.get(PortalAccountsService);
    db = moduleRef.get(DataSource);
  });
  afterAll(() => moduleRef.close());

  const request = (email: string, overrides: Partial<AccountRequest> = {}): AccountRequest => ({
    email,
    name: 'Marie Curie',
    locale: 'fr',
    origin: 'application',
    sourceReference: 'APP-2026-000001',
    autoRegistered: true,
    ...overrides,
  });
  const invitations = async (email: string): Promise<{ template: string; locale: string; url: string }[]> =>
    (
      await db.query(
        `SELECT template, locale, secrets->>'activationUrl' AS url FROM email_messages WHERE recipient = $1 ORDER BY created_at`,
        [email],
      )
    ).map((row: { template: string; locale: string; url: string }) => row);
  const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token') ?? '';

  it('links an account made before its person existed (an order) to the person when an approval names them', async () => {
    const email = 'linked-later@example.test';
    const ordered = await accounts.ensureAccount(request(email, { origin: 'order', sourceReference: 'ORD-1' }));
    const personOf = async () =>
      (
        (await db.query(`SELECT person_id FROM portal_accounts WHERE user_id = $1`, [ordered.userId])) as {
          person_id: string | null;
        }[]
      )[0].person_id;
    expect(await personOf()).toBeNull();
    const [person] = (await db.query(
      `INSERT INTO persons (first_name, last_name, email, locale, created_at, updated_at)
       VALUES ('Linked', 'Later', $1, 'en', now(), now()) RETURNING id`,
      [email],
    )) as { id: string }[];
    const approved = await accounts.ensureAccount(request(email, { personId: person.id }));
    expect(approved).toMatchObject({ userId: ordered.userId, created: false });
    expect(await personOf()).toBe(person.id);
  });

  it('creates an invited member user and account, and e-mails the portal invitation in their language', async () => {
    const ensured = await accounts.ensureAccount(request('marie@example.test'));
    expect(ensured).toEqual({ userId: expect.any(String), created: true, state: 'invited' });
    const [user] = await db.query(`SELECT roles, password_hash FROM users WHERE id = $1`, [ensured.userId]);
    expect(user).toEqual({ roles: ['member'], password_hash: null });
    expect(await invitations('marie@example.test')).toEqual([
      { template: 'portal-invitation', locale: 'fr', url: expect.stringMatching(/\/activate#token=[\w-]+$/) },
    ]);
    const account = await accounts.accountOf('MARIE@example.test ');
    expect(account).toMatchObject({
      state: 'invited',
      createdFrom: 'application',
      sourceReference: 'APP-2026-000001',
      autoCreated: true,
      needsAcknowledgement: true,
      invitedAt: expect.any(String),
      lastLoginAt: null,
    });
  });

  it('gives 20 concurrent creations for one e-mail exactly one account, one creator and one invitation', async () => {
    const spellings = ['pierre@example.test', ' Pierre@Example.test', 'PIERRE@EXAMPLE.TEST '];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => accounts.ensureAccount(request(spellings[i % 3], { origin: 'order' }))),
    );
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.userId)).size).toBe(1);
    const [{ users }] = await db.query(`SELECT count(*)::int AS users FROM users WHERE email = 'pierre@example.test'`);
    const [{ portal }] = await db.query(`SELECT count(*)::int AS portal FROM portal_accounts WHERE user_id = $1`, [
      results[0].userId,
    ]);
    expect({ users, portal }).toEqual({ users: 1, portal: 1 });
    expect(await invitations('pierre@example.test')).toHaveLength(1);
  });

  it('gives a staff user with the same e-mail a portal account without a new password or invitation', async () => {
    await moduleRef.get(UsersService).seedUser({
      email: 'officer.member@example.test',
      name: 'Olive Officer',
      roles: ['officer'],
      password: STRONG_PASSWORD,
    });
    const ensured = await accounts.ensureAccount(request('officer.member@example.test'));
    expect(ensured).toMatchObject({ created: true, state: 'active' });
    const [user] = await db.query(`SELECT roles FROM users WHERE id = $1`, [ensured.userId]);
    expect(user.roles).toEqual(['officer', 'member']);
    expect(await invitations('officer.member@example.test')).toEqual([]);
  });

  it('resends an invitation from the console, superseding the earlier link', async () => {
    await accounts.ensureAccount(request('resend@example.test'));
    const account = await accounts.invite({
      email: 'resend@example.test',
      name: 'R',
      locale: 'en',
      sourceReference: null,
    });
    expect(account).toMatchObject({ state: 'invited', createdFrom: 'application' });
    const [first, second] = await invitations('resend@example.test');
    const auth = moduleRef.get(AuthService);
    await expect(auth.activate(tokenOf(first.url), STRONG_PASSWORD)).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 410 }),
    });
    const session = await auth.activate(tokenOf(second.url), STRONG_PASSWORD);
    expect(session.user).toMatchObject({ email: 'resend@example.test', roles: ['member'], activated: true });
    expect((await accounts.accountOf('resend@example.test')).state).toBe('active');
  });

  it('creates a staff-made account from the console without the auto-registered flag', async () => {
    const account = await accounts.invite({
      email: 'walkin@example.test',
      name: 'W',
      locale: 'en',
      sourceReference: null,
    });
    expect(account).toMatchObject({
      state: 'invited',
      createdFrom: 'staff',
      autoCreated: false,
      needsAcknowledgement: false,
    });
  });

  it('refuses to re-invite an active account and to reset an invited one, with clear conflicts', async () => {
    await expect(
      accounts.invite({ email: 'resend@example.test', name: 'R', locale: 'en', sourceReference: null }),
    ).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 409, detail: expect.stringMatching(/password reset/) }),
    });
    await expect(accounts.sendPasswordReset('walkin@example.test')).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 409, detail: expect.stringMatching(/resend the invitation/) }),
    });
    await expect(accounts.sendPasswordReset('nobody@example.test')).rejects.toBeInstanceOf(ProblemException);
    await accounts.sendPasswordReset('resend@example.test');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM email_messages WHERE recipient = 'resend@example.test' AND template = 'password-reset'`,
    );
    expect(count).toBe(1);
  });

  it('clears the auto-registered alert once acknowledged by staff', async () => {
    const [{ id: staffId }] = await db.query(`SELECT id FROM users WHERE email = 'officer.member@example.test'`);
    const account = await accounts.acknowledge('marie@example.test', staffId);
    expect(account.needsAcknowledgement).toBe(false);
    expect(account.autoCreated).toBe(true);
  });

  it('sends a fresh link for an expired invitation to its owner only, and nothing once activated', async () => {
    const renew = (token: string) => moduleRef.get(InvitationService).renew(token);
    await accounts.ensureAccount(request('late@example.test'));
    const [{ url }] = await invitations('late@example.test');
    await db.query(`UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id =
      (SELECT id FROM users WHERE email = 'late@example.test')`);
    await renew(tokenOf(url));
    const links = await invitations('late@example.test');
    expect(links).toHaveLength(2);
    await moduleRef.get(AuthService).activate(tokenOf(links[1].url), STRONG_PASSWORD);
    await renew(tokenOf(url));
    await renew('not-a-token-at-all');
    expect(await invitations('late@example.test')).toHaveLength(2);
  });

  it('the migration links existing accounts to the person with their e-mail, and leaves the others unlinked', async () => {
    const email = 'migrated@example.test';
    const [person] = (await db.query(
      `INSERT INTO persons (first_name, last_name, email, locale, created_at, updated_at)
       VALUES ('Migrated', 'Account', $1, 'en', now(), now()) RETURNING id`,
      [email],
    )) as { id: string }[];
    const linked = await accounts.ensureAccount(request(email));
    const alone = await accounts.ensureAccount(request('no-person@example.test'));
    const runner = db.createQueryRunner();
    const migration = new LinkPortalAccountsToPersons1764600100000();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const personOf = async (userId: string) =>
      (
        (await db.query(`SELECT person_id FROM portal_accounts WHERE user_id = $1`, [userId])) as {
          person_id: string | null;
        }[]
      )[0].person_id;
    expect(await personOf(linked.userId)).toBe(person.id);
    expect(await personOf(alone.userId)).toBeNull();
  });
});
