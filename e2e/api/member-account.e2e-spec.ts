import { createHash } from 'node:crypto';
import type { TesseraClient } from '@tessera/api-client';
import { extractLinks, waitUntil } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { approvedMember } from '../browser/approved-member';
import { linkTokenFromEmail } from '../support/mail';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let clients = 0;
/** Each test speaks from an address of its own, so the per-client limits of these routes stay out of the way. */
const fromNewClient = () => ({ 'x-forwarded-for': `198.51.100.${(clients += 1)}` });

/**
 * A member changes their own sign-in details over HTTP: the password (the current one first,
 * other sessions end), and the e-mail through a single-use, expiring link sent to the new
 * address (stored only as its SHA-256), the old address told; conflicts are 409s.
 */
describe('member account changes (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let approver: StaffSession;
  let planId: string;
  let database: DataSource;

  beforeAll(async () => {
    stack = await startStack();
    database = stack.api.get(DataSource);
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    approver = await activatedStaff(stack, admin, 'Account Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Accounts',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'account-yearly',
        name: 'Yearly membership',
        applicantKinds: ['individual'],
        price: { amount: 5000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        approvalFlowId: flow.data!.id,
      },
    });
    planId = plan.data!.id;
  });
  afterAll(() => stack.stop());

  async function member(firstName: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const password = `Member-Password-${firstName}-1`;
    const { token } = await approvedMember(stack, admin, approver, planId, {
      firstName,
      lastName: 'Account',
      email,
      password,
    });
    return { email, password, token, client: authorized(stack, token) };
  }
  const signIn = (email: string, password: string) =>
    stack.client.POST('/api/v1/auth/login', { body: { email, password }, headers: fromNewClient() });

  it('changes the password only with the current one, and ends every other session', async () => {
    const ada = await member('Ada');
    const elsewhere = await signIn(ada.email, ada.password);
    expect(elsewhere.response.status).toBe(200);
    const headers = fromNewClient();

    const wrong = await ada.client.POST('/api/v1/me/password', {
      body: { currentPassword: 'not-my-password', newPassword: 'A-Brand-New-Passphrase-2' },
      headers,
    });
    expect(wrong.response.status).toBe(400);
    expect(wrong.response.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.error).toMatchObject({ errors: [{ field: 'currentPassword', code: 'currentPasswordWrong' }] });
    const weak = await ada.client.POST('/api/v1/me/password', {
      body: { currentPassword: ada.password, newPassword: 'short' },
      headers,
    });
    expect(weak.error).toMatchObject({ status: 400, errors: [{ field: 'newPassword', code: 'passwordTooShort' }] });
    expect((await signIn(ada.email, ada.password)).response.status).toBe(200);

    const changed = await ada.client.POST('/api/v1/me/password', {
      body: { currentPassword: ada.password, newPassword: 'A-Brand-New-Passphrase-2' },
      headers,
    });
    expect(changed.response.status).toBe(200);
    // This session goes on; the other one ended at once, its refresh token too.
    expect((await ada.client.GET('/api/v1/me')).response.status).toBe(200);
    expect((await authorized(stack, elsewhere.data!.accessToken).GET('/api/v1/me')).response.status).toBe(401);
    const refreshed = await stack.client.POST('/api/v1/auth/refresh', {
      body: { refreshToken: elsewhere.data!.refreshToken! },
    });
    expect(refreshed.response.status).toBe(401);
    expect((await signIn(ada.email, ada.password)).response.status).toBe(401);
    expect((await signIn(ada.email, 'A-Brand-New-Passphrase-2')).response.status).toBe(200);
    const [row] = (await database.query(`SELECT password_hash FROM users WHERE email = $1`, [ada.email])) as {
      password_hash: string;
    }[];
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('of two changes sent at once with the same current password, takes one', async () => {
    const bea = await member('Bea');
    const headers = fromNewClient();
    const answers = await Promise.all(
      ['First-Parallel-Passphrase-1', 'Second-Parallel-Passphrase-2'].map((newPassword) =>
        bea.client.POST('/api/v1/me/password', { body: { currentPassword: bea.password, newPassword }, headers }),
      ),
    );
    expect(answers.map((answer) => answer.response.status).sort()).toEqual([200, 400]);
    const winner = answers.findIndex((answer) => answer.response.status === 200);
    const kept = ['First-Parallel-Passphrase-1', 'Second-Parallel-Passphrase-2'][winner];
    expect((await signIn(bea.email, kept)).response.status).toBe(200);
  });

  it('limits password attempts per client', async () => {
    const cai = await member('Cai');
    const headers = fromNewClient();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const answer = await cai.client.POST('/api/v1/me/password', {
        body: { currentPassword: `guess-${attempt}`, newPassword: 'Never-Set-Passphrase-9' },
        headers,
      });
      statuses.push(answer.response.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('changes the sign-in e-mail through a link to the new address, once, telling the old one', async () => {
    const dan = await member('Dan');
    const newEmail = uniqueEmail('dan-new');
    const headers = fromNewClient();
    const wrong = await dan.client.POST('/api/v1/me/email', {
      body: { currentPassword: 'nope', newEmail },
      headers,
    });
    expect(wrong.error).toMatchObject({ status: 400, errors: [{ field: 'currentPassword' }] });
    const same = await dan.client.POST('/api/v1/me/email', {
      body: { currentPassword: dan.password, newEmail: dan.email.toUpperCase() },
      headers,
    });
    expect(same.error).toMatchObject({ status: 400, errors: [{ field: 'newEmail', code: 'emailUnchanged' }] });
    const taken = await dan.client.POST('/api/v1/me/email', {
      body: { currentPassword: dan.password, newEmail: ADMIN.email },
      headers,
    });
    expect(taken.response.status).toBe(409);
    expect(taken.error).toMatchObject({ type: 'urn:tessera:problem:email-taken' });

    const first = await dan.client.POST('/api/v1/me/email', {
      body: { currentPassword: dan.password, newEmail },
      headers,
    });
    expect(first.response.status).toBe(202);
    expect(first.data).toMatchObject({ newEmail, expiresAt: expect.any(String) });
    const firstLink = await linkTokenFromEmail(
      stack.sink,
      newEmail,
      /Confirm your new sign-in e-mail/,
      '/confirm-email',
    );
    const notice = await stack.sink.waitFor(
      (message) => message.to.includes(dan.email) && /change of your sign-in e-mail/.test(message.subject),
    );
    expect(notice.text).toContain(newEmail);
    expect(notice.text).not.toContain(firstLink.token);

    // Asked again: only the newest link works. The token is kept only as its SHA-256.
    const second = await dan.client.POST('/api/v1/me/email', {
      body: { currentPassword: dan.password, newEmail },
      headers,
    });
    expect(second.response.status).toBe(202);
    const confirmLinks = () =>
      stack.sink.messagesTo(newEmail).filter((message) => /Confirm your new/.test(message.subject));
    await waitUntil(() => confirmLinks().length === 2, { description: 'the second confirmation link' });
    const secondLink = new URL(extractLinks(confirmLinks()[1]).find((url) => url.includes('/confirm-email#'))!);
    const secondToken = new URLSearchParams(secondLink.hash.slice(1)).get('token')!;
    const rows = (await database.query(
      `SELECT t.token_hash, t.new_email, t.consumed_at FROM user_tokens t JOIN users u ON u.id = t.user_id
        WHERE u.email = $1 AND t.purpose = 'email-change' ORDER BY t.created_at`,
      [dan.email],
    )) as { token_hash: string; new_email: string; consumed_at: Date | null }[];
    expect(rows.map((row) => row.token_hash)).toEqual([sha256(firstLink.token), sha256(secondToken)]);
    expect(rows.map((row) => row.new_email)).toEqual([newEmail, newEmail]);
    expect(rows[0].consumed_at).not.toBeNull();
    const stored = JSON.stringify(await database.query(`SELECT * FROM user_tokens`));
    expect(stored).not.toContain(secondToken);

    // Nothing changed yet.
    expect((await signIn(newEmail, dan.password)).response.status).toBe(401);
    const replaced = await stack.client.POST('/api/v1/auth/confirm-email', {
      body: { token: firstLink.token },
      headers,
    });
    expect(replaced.response.status).toBe(410);

    // Two confirmations at once: one change.
    const confirmations = await Promise.all(
      [1, 2].map(() => stack.client.POST('/api/v1/auth/confirm-email', { body: { token: secondToken }, headers })),
    );
    expect(confirmations.map((answer) => answer.response.status).sort()).toEqual([200, 410]);
    expect(confirmations.find((answer) => answer.data)!.data).toMatchObject({ email: newEmail });
    expect((await signIn(dan.email, dan.password)).response.status).toBe(401);
    expect((await signIn(newEmail, dan.password)).response.status).toBe(200);
    expect((await dan.client.GET('/api/v1/me')).data!.user.email).toBe(newEmail);
  });

  it('refuses an expired link, and an address another account took meanwhile (409)', async () => {
    const eva = await member('Eva');
    const headers = fromNewClient();
    const wanted = uniqueEmail('eva-new');
    await eva.client.POST('/api/v1/me/email', { body: { currentPassword: eva.password, newEmail: wanted }, headers });
    const link = await linkTokenFromEmail(stack.sink, wanted, /Confirm your new/, '/confirm-email');
    // Someone else signs up with that address before Eva confirms.
    const other = await admin.POST('/api/v1/users', {
      body: { email: wanted, name: 'Quick Taker', roles: ['officer'], locale: 'en' },
    });
    expect(other.response.status).toBe(201);
    const conflict = await stack.client.POST('/api/v1/auth/confirm-email', { body: { token: link.token }, headers });
    expect(conflict.response.status).toBe(409);
    expect(conflict.error).toMatchObject({ type: 'urn:tessera:problem:email-taken' });

    const later = uniqueEmail('eva-later');
    await eva.client.POST('/api/v1/me/email', { body: { currentPassword: eva.password, newEmail: later }, headers });
    const expiring = await linkTokenFromEmail(stack.sink, later, /Confirm your new/, '/confirm-email');
    await database.query(`UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      sha256(expiring.token),
    ]);
    const expired = await stack.client.POST('/api/v1/auth/confirm-email', {
      body: { token: expiring.token },
      headers,
    });
    expect(expired.response.status).toBe(410);
    expect(expired.error).toMatchObject({ type: 'urn:tessera:problem:email-change-link-gone' });
    expect((await eva.client.GET('/api/v1/me')).data!.user.email).toBe(eva.email);
  });
});
