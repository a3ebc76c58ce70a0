import type { TesseraClient } from '@tessera/api-client';
import { RedisServer, solveCaptcha, waitUntil } from '@tessera/testing';
import { startApiWith, type ApiWith } from '../support/api-with';
import { jsonPart, postApplication } from '../support/applications';
import { linkTokenFromEmail } from '../support/mail';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/** Each test signs in from addresses of its own (the API trusts X-Forwarded-For from loopback). */
let lastClient = 0;
const newClient = () => {
  lastClient += 1;
  return `192.0.2.${lastClient}`;
};

interface Answer {
  status: number;
  type?: string;
  retryAfter: string | null;
}

async function post(baseUrl: string, path: string, body: unknown, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const problem = (await response.json()) as { type?: string };
  return { status: response.status, type: problem.type, retryAfter: response.headers.get('retry-after') };
}

const signIn = (baseUrl: string, client: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  post(baseUrl, '/auth/login', body, { 'x-forwarded-for': client, ...headers });

/** A person with only the member role, signed in (their invitation is the portal's). */
async function activatedMember(stack: Stack, admin: TesseraClient): Promise<{ token: string }> {
  const email = uniqueEmail('member');
  await admin.POST('/api/v1/users', { body: { email, name: 'Milo Member', roles: ['member'], locale: 'en' } });
  const { token } = await linkTokenFromEmail(stack.sink, email, /Activate your member account/, '/activate');
  const session = await stack.client.POST('/api/v1/auth/activate', {
    body: { token, password: 'Member-Password-42x' },
    headers: { 'x-forwarded-for': newClient() },
  });
  return { token: session.data!.accessToken };
}

const RATE_LIMITED = 'urn:tessera:problem:rate-limited';
const CAPTCHA_REQUIRED = 'urn:tessera:problem:captcha-required';

describe('rate limits: by route whoever calls, per client and per account, shared through Redis', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;
  let member: { token: string };

  beforeAll(async () => {
    stack = await startStack();
    const { data } = await stack.client.POST('/api/v1/auth/login', {
      body: ADMIN,
      headers: { 'x-forwarded-for': newClient() },
    });
    admin = authorized(stack, data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    member = await activatedMember(stack, admin);
  });
  afterAll(() => stack.stop());

  it("gives a member's token no extra guesses at someone else's password", async () => {
    const client = newClient();
    const asMember = { authorization: `Bearer ${member.token}` };
    const answers: Answer[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1)
      answers.push(
        await signIn(stack.baseUrl, client, { email: officer.email, password: `guess-${attempt}` }, asMember),
      );
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual(Array(5).fill(401));
    // From the sixth on, each guess needs a solved captcha: none of them was checked.
    expect(answers.slice(5)).toEqual(Array(7).fill({ status: 429, type: CAPTCHA_REQUIRED, retryAfter: null }));
  });

  it('never locks the owner out: with a solved captcha they sign in, and each wrong guess costs a captcha', async () => {
    const victim = await activatedStaff(stack, admin, 'Vera Victim', ['admin']);
    const attacker = newClient();
    const guesses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      guesses.push(
        (await signIn(stack.baseUrl, attacker, { email: victim.email, password: `guess-${attempt}` })).status,
      );
    expect(guesses).toEqual([401, 401, 401, 401, 401, 429]);
    const owner = newClient();
    const withoutCaptcha = await signIn(stack.baseUrl, owner, { email: victim.email, password: victim.password });
    expect(withoutCaptcha).toMatchObject({ status: 429, type: CAPTCHA_REQUIRED });
    const wrongWithCaptcha = await signIn(stack.baseUrl, attacker, {
      email: victim.email,
      password: 'one-more-guess',
      altcha: await solveCaptcha(stack.baseUrl),
    });
    expect(wrongWithCaptcha.status).toBe(401);
    const signedIn = await signIn(stack.baseUrl, owner, {
      email: victim.email,
      password: victim.password,
      altcha: await solveCaptcha(stack.baseUrl),
    });
    expect(signedIn.status).toBe(200);
  });

  it('stops password spraying: one client trying fifteen different accounts gets 429 after ten', async () => {
    const client = newClient();
    const answers: Answer[] = [];
    for (let attempt = 0; attempt < 15; attempt += 1)
      answers.push(await signIn(stack.baseUrl, client, { email: uniqueEmail('sprayed'), password: 'Summer2026!' }));
    expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(Array(10).fill(401));
    for (const answer of answers.slice(10)) {
      expect(answer).toMatchObject({ status: 429, type: RATE_LIMITED });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    // Another client behind the same proxy is not affected.
    expect((await signIn(stack.baseUrl, newClient(), { email: uniqueEmail(), password: 'x' })).status).toBe(401);
  });

  it('counts only failures: an office signing in many times from one address is never limited', async () => {
    const office = newClient();
    for (let attempt = 0; attempt < 12; attempt += 1)
      expect((await signIn(stack.baseUrl, office, ADMIN)).status).toBe(200);
  });

  it('limits the other /auth routes whoever calls, per client (and per address for forgot-password)', async () => {
    const client = newClient();
    const email = uniqueEmail('flood');
    const asMember = { 'x-forwarded-for': client, authorization: `Bearer ${member.token}` };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await post(stack.baseUrl, '/auth/forgot-password', { email }, asMember)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    // Other addresses from that client still get through, up to the client's own limit.
    expect((await post(stack.baseUrl, '/auth/forgot-password', { email: uniqueEmail() }, asMember)).status).toBe(202);
  });

  it("limits the public form per client, a member's token included; staff entry is not limited", async () => {
    const applicant = newClient();
    const asMember = { 'x-forwarded-for': applicant, authorization: `Bearer ${member.token}` };
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1)
      statuses.push((await postApplication(stack.baseUrl, [jsonPart({})], asMember)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(400));
    expect(statuses[10]).toBe(429);
    // The next applicant has a limit of their own…
    expect((await postApplication(stack.baseUrl, [jsonPart({})], { 'x-forwarded-for': newClient() })).status).toBe(400);
    // …and an officer entering paper applications from the limited address is not counted.
    const asOfficer = { 'x-forwarded-for': applicant, authorization: `Bearer ${officer.token}` };
    expect((await postApplication(stack.baseUrl, [jsonPart({})], asOfficer)).status).toBe(400);
  });

  describe('with a second API process', () => {
    let second: ApiWith;
    beforeAll(async () => {
      second = await startApiWith([]);
    });
    afterAll(() => second.stop());

    it('shares the counters: failures through one process count on the other', async () => {
      const client = newClient();
      const apis = [stack.baseUrl, second.baseUrl];
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const answer = await signIn(apis[attempt % 2], client, { email: uniqueEmail(), password: 'wrong' });
        expect(answer.status).toBe(401);
      }
      for (const api of apis)
        expect(await signIn(api, client, { email: uniqueEmail(), password: 'wrong' })).toMatchObject({
          status: 429,
          type: RATE_LIMITED,
        });
    });
  });

  describe('behind a proxy it does not trust', () => {
    let untrusting: ApiWith;
    beforeAll(async () => {
      const trusted = process.env.TRUSTED_PROXIES;
      process.env.TRUSTED_PROXIES = '10.20.30.40';
      untrusting = await startApiWith([]);
      if (trusted === undefined) delete process.env.TRUSTED_PROXIES;
      else process.env.TRUSTED_PROXIES = trusted;
    });
    afterAll(() => untrusting.stop());

    it('ignores X-Forwarded-For from anyone but TRUSTED_PROXIES: a forged one buys no fresh limit', async () => {
      const answers: Answer[] = [];
      for (let attempt = 0; attempt < 11; attempt += 1)
        answers.push(await signIn(untrusting.baseUrl, newClient(), { email: uniqueEmail(), password: 'wrong' }));
      expect(answers.slice(0, 10).map((answer) => answer.status)).toEqual(Array(10).fill(401));
      expect(answers[10]).toMatchObject({ status: 429, type: RATE_LIMITED });
    });
  });
});

describe('rate limits while Redis is down', () => {
  const redis = new RedisServer();
  const sharedRedisUrl = process.env.REDIS_URL;
  let api: ApiWith;

  beforeAll(async () => {
    await redis.start();
    process.env.REDIS_URL = redis.url;
    api = await startApiWith([]);
  });
  afterAll(async () => {
    await api.stop();
    await redis.stop();
    process.env.REDIS_URL = sharedRedisUrl;
  });

  it('refuses sign-in with 503 and Retry-After (never uncounted guessing, never a 500), keeps the rest open', async () => {
    const client = newClient();
    await redis.stop();
    const started = Date.now();
    const refused = await signIn(api.baseUrl, client, ADMIN);
    expect(refused).toMatchObject({ status: 503, type: 'urn:tessera:problem:rate-limit-unavailable' });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const reset = await post(
      api.baseUrl,
      '/auth/forgot-password',
      { email: uniqueEmail() },
      { 'x-forwarded-for': client },
    );
    expect(reset.status).toBe(202);
    expect(Date.now() - started).toBeLessThan(3000);

    await redis.start();
    await waitUntil(async () => (await signIn(api.baseUrl, client, ADMIN)).status === 200, {
      timeoutMs: 30_000,
      description: 'sign-in to work again once Redis is back',
    });
  }, 60_000);
});
