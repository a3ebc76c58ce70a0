import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';

const COOKIE_ATTRIBUTES = 'Path=/api/v1/auth/refresh; HttpOnly; Secure; SameSite=Strict';

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  setCookie: string | null;
}

/** The refresh token carried by a Set-Cookie header (what a browser would send back). */
function cookieOf(answer: Answer): string {
  const value = /^tessera_refresh=([^;]*);/.exec(answer.setCookie ?? '')?.[1];
  if (!value) throw new Error(`No refresh cookie in ${answer.setCookie}`);
  return value;
}

describe('sessions over HTTP: the refresh cookie, sign-out and sign-out everywhere', () => {
  let api: ApiWith;
  beforeAll(async () => {
    api = await startApiWith([]);
  });
  afterAll(() => api.stop());

  async function post(path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
      setCookie: response.headers.get('set-cookie'),
    };
  }
  const refreshWithCookie = (token: string) =>
    post('/auth/refresh', {}, { cookie: `other=1; tessera_refresh=${token}` });
  const me = async (accessToken: string) =>
    (await fetch(`${api.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
  const browserSignIn = () => post('/auth/login', { ...ADMIN, refreshTokenTransport: 'cookie' });

  it('gives a browser its refresh token as an HttpOnly, Secure, SameSite=Strict cookie for the refresh path only', async () => {
    const login = await browserSignIn();
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ accessToken: expect.any(String), expiresIn: 900 });
    expect(login.body).not.toHaveProperty('refreshToken');
    expect(login.setCookie).toMatch(
      new RegExp(`^tessera_refresh=[\\w-]{43}; Max-Age=259(1999|2000); ${COOKIE_ATTRIBUTES}$`),
    );

    // the cookie is rotated like a body token; the used one ends the session when it comes back
    const refreshed = await refreshWithCookie(cookieOf(login));
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    expect(cookieOf(refreshed)).not.toBe(cookieOf(login));
    expect(await me(refreshed.body!.accessToken as string)).toBe(200);

    const reused = await refreshWithCookie(cookieOf(login));
    expect(reused).toMatchObject({ status: 401, body: { type: 'urn:tessera:problem:refresh-token-reused' } });
    expect(reused.setCookie).toBe(`tessera_refresh=; Max-Age=0; ${COOKIE_ATTRIBUTES}`);
    expect((await refreshWithCookie(cookieOf(refreshed))).status).toBe(401);
  });

  it('keeps the refresh token in the body for programs, which refresh and sign out with it', async () => {
    const login = await post('/auth/login', ADMIN);
    expect(login.body).toMatchObject({ refreshToken: expect.any(String) });
    expect(login.setCookie).toBeNull();
    const refreshed = await post('/auth/refresh', { refreshToken: login.body!.refreshToken });
    expect(refreshed).toMatchObject({ status: 200, body: { refreshToken: expect.any(String) } });
    expect(refreshed.setCookie).toBeNull();
    expect((await post('/auth/logout', { refreshToken: refreshed.body!.refreshToken })).status).toBe(204);
    expect(await me(refreshed.body!.accessToken as string)).toBe(401);
  });

  it('refuses a refresh with no token at all', async () => {
    const answer = await post('/auth/refresh');
    expect(answer).toMatchObject({ status: 401, body: { type: 'urn:tessera:problem:invalid-refresh-token' } });
    expect((await post('/auth/logout')).status).toBe(401);
  });

  it('signs a browser out with its access token, ending the session and clearing the cookie', async () => {
    const login = await browserSignIn();
    const accessToken = login.body!.accessToken as string;
    const logout = await post('/auth/logout', undefined, { authorization: `Bearer ${accessToken}` });
    expect(logout.status).toBe(204);
    expect(logout.setCookie).toBe(`tessera_refresh=; Max-Age=0; ${COOKIE_ATTRIBUTES}`);
    expect(await me(accessToken)).toBe(401);
    expect((await refreshWithCookie(cookieOf(login))).status).toBe(401);
  });

  it('signs out everywhere: every session of the person ends at once', async () => {
    const laptop = await browserSignIn();
    const phone = await browserSignIn();
    const script = await post('/auth/login', ADMIN);
    expect((await post('/auth/logout-everywhere')).status).toBe(401);

    const answer = await post('/auth/logout-everywhere', undefined, {
      authorization: `Bearer ${phone.body!.accessToken as string}`,
    });
    expect(answer.status).toBe(204);
    expect(answer.setCookie).toBe(`tessera_refresh=; Max-Age=0; ${COOKIE_ATTRIBUTES}`);
    for (const session of [laptop, phone, script]) expect(await me(session.body!.accessToken as string)).toBe(401);
    expect((await refreshWithCookie(cookieOf(laptop))).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: script.body!.refreshToken })).status).toBe(401);
  });
});
