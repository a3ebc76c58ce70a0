import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';
import { linkTokenFromEmail } from '../support/mail';

/** Single-use tokens stay single-use when the same request arrives many times at once. */
describe('the same token presented concurrently', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  const statuses = (responses: { response: Response }[]) => responses.map((r) => r.response.status).sort();

  it('rotates a refresh token once; the parallel reuses end the session', async () => {
    const { data } = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        stack.client.POST('/api/v1/auth/refresh', { body: { refreshToken: data!.refreshToken } }),
      ),
    );
    expect(statuses(attempts)).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    const winner = attempts.find((r) => r.response.status === 200)!;
    // Reuse was detected, so even the winner's new tokens belong to a revoked family.
    expect((await authorized(stack, winner.data!.accessToken).GET('/api/v1/me')).response.status).toBe(401);
  });

  it('activates an invitation once, and uses a reset link once', async () => {
    const admin = (await stack.client.POST('/api/v1/auth/login', { body: ADMIN })).data!;
    const email = uniqueEmail('racer');
    await authorized(stack, admin.accessToken).POST('/api/v1/users', {
      body: { email, name: 'Rae Racer', roles: ['approver'], locale: 'en' },
    });
    const invitation = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    const activations = await Promise.all(
      ['Racing-Password-One1', 'Racing-Password-Two2', 'Racing-Password-Three3'].map((password) =>
        stack.client.POST('/api/v1/auth/activate', { body: { token: invitation.token, password } }),
      ),
    );
    expect(statuses(activations)).toEqual([200, 410, 410]);

    await stack.client.POST('/api/v1/auth/forgot-password', { body: { email } });
    const reset = await linkTokenFromEmail(stack.sink, email, /reset/i, '/reset-password');
    const resets = await Promise.all(
      ['Reset-Password-One1', 'Reset-Password-Two2'].map((password) =>
        stack.client.POST('/api/v1/auth/reset-password', { body: { token: reset.token, password } }),
      ),
    );
    expect(statuses(resets)).toEqual([200, 410]);
  });

  it('a newer invitation link replaces the earlier one', async () => {
    const admin = authorized(stack, (await stack.client.POST('/api/v1/auth/login', { body: ADMIN })).data!.accessToken);
    const email = uniqueEmail('resent');
    const created = await admin.POST('/api/v1/users', {
      body: { email, name: 'Re Sent', roles: ['officer'], locale: 'en' },
    });
    const first = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    await admin.POST('/api/v1/users/{id}/invitation', { params: { path: { id: created.data!.id } } });
    await stack.sink.waitFor((m) => m.to.includes(email) && extractToken(m.text) !== first.token, {
      timeoutMs: 10_000,
    });
    const stale = await stack.client.POST('/api/v1/auth/activate', {
      body: { token: first.token, password: 'Stale-Link-Password-1' },
    });
    expect(stale.response.status).toBe(410);
    expect(stale.error).toMatchObject({ type: 'urn:tessera:problem:activation-link-gone' });
  });
});

function extractToken(text: string): string | null {
  return /token=([\w-]+)/.exec(text)?.[1] ?? null;
}
