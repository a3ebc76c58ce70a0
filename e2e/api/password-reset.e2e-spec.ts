import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';
import { linkTokenFromEmail } from '../support/mail';

/**
 * The foundation's proof: a staff user is invited, activates, forgets the password, resets it
 * through the e-mailed link, and every old credential stops working.
 */
describe('password reset journey (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  async function signIn(email: string, password: string) {
    const { data, response } = await stack.client.POST('/api/v1/auth/login', { body: { email, password } });
    return { data, status: response.status };
  }

  it('invites, activates, resets, and refuses every old token and session', async () => {
    const admin = await signIn(ADMIN.email, ADMIN.password);
    expect(admin.status).toBe(200);
    const asAdmin = authorized(stack, admin.data!.accessToken);

    // An admin invites an officer; the invitation carries a one-time activation link.
    const email = uniqueEmail('officer');
    const created = await asAdmin.POST('/api/v1/users', {
      body: { email, name: 'Olga Officer', roles: ['officer'], locale: 'en' },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({ email, roles: ['officer'], activated: false });
    const invitation = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: invitation.token, password: 'First-Password-Olga-1' },
    });
    expect(activated.response.status).toBe(200);
    const session = activated.data!;
    expect(session.user.email).toBe(email);

    // Forgot password: the same answer whether or not the account exists.
    const known = await stack.client.POST('/api/v1/auth/forgot-password', { body: { email: email.toUpperCase() } });
    const unknown = await stack.client.POST('/api/v1/auth/forgot-password', { body: { email: uniqueEmail('nobody') } });
    expect(known.response.status).toBe(202);
    expect(unknown.response.status).toBe(202);
    expect(unknown.data).toEqual(known.data);

    const reset = await linkTokenFromEmail(stack.sink, email, /reset/i, '/reset-password');
    expect(reset.message.from).toContain('no-reply@tessera.test');
    expect(stack.sink.messagesTo(email)).toHaveLength(2);

    // A weak password is refused with a field error and uses nothing up.
    const weak = await stack.client.POST('/api/v1/auth/reset-password', {
      body: { token: reset.token, password: 'short' },
    });
    expect(weak.response.status).toBe(400);
    expect(weak.response.headers.get('content-type')).toContain('application/problem+json');
    expect(weak.error).toMatchObject({ status: 400, errors: [{ field: 'password' }] });

    const done = await stack.client.POST('/api/v1/auth/reset-password', {
      body: { token: reset.token, password: 'Second-Password-Olga-2' },
    });
    expect(done.response.status).toBe(200);

    // The link is single-use.
    const again = await stack.client.POST('/api/v1/auth/reset-password', {
      body: { token: reset.token, password: 'Third-Password-Olga-3' },
    });
    expect(again.response.status).toBe(410);

    // The reset ended the earlier session: its access and refresh tokens are refused.
    const oldMe = await authorized(stack, session.accessToken).GET('/api/v1/me');
    expect(oldMe.response.status).toBe(401);
    const oldRefresh = await stack.client.POST('/api/v1/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(oldRefresh.response.status).toBe(401);

    // Old password no longer works; the new one does.
    expect((await signIn(email, 'First-Password-Olga-1')).status).toBe(401);
    const fresh = await signIn(email, 'Second-Password-Olga-2');
    expect(fresh.status).toBe(200);
    const me = await authorized(stack, fresh.data!.accessToken).GET('/api/v1/me');
    expect(me.data?.user).toMatchObject({ email, name: 'Olga Officer', roles: ['officer'] });
  });

  it('rotates refresh tokens, and a reused one revokes the whole family', async () => {
    const first = (await signIn(ADMIN.email, ADMIN.password)).data!;
    const second = await stack.client.POST('/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.response.status).toBe(200);
    const third = await stack.client.POST('/api/v1/auth/refresh', {
      body: { refreshToken: second.data!.refreshToken },
    });
    expect(third.response.status).toBe(200);

    // Presenting the first (already used) token again: refused, and the family is revoked.
    const reuse = await stack.client.POST('/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(reuse.response.status).toBe(401);
    expect(reuse.error).toMatchObject({ type: 'urn:tessera:problem:refresh-token-reused' });
    const latest = await stack.client.POST('/api/v1/auth/refresh', {
      body: { refreshToken: third.data!.refreshToken },
    });
    expect(latest.response.status).toBe(401);
    expect((await authorized(stack, third.data!.accessToken).GET('/api/v1/me')).response.status).toBe(401);
  });

  it('signs out: the session ends at once', async () => {
    const session = (await signIn(ADMIN.email, ADMIN.password)).data!;
    const client = authorized(stack, session.accessToken);
    expect((await client.GET('/api/v1/me')).response.status).toBe(200);
    const out = await client.POST('/api/v1/auth/logout', { body: { refreshToken: session.refreshToken } });
    expect(out.response.status).toBe(204);
    expect((await client.GET('/api/v1/me')).response.status).toBe(401);
  });
});
