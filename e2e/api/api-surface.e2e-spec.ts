import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

describe('API surface: errors, health, OpenAPI, rate limits, roles and API keys', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  const raw = (path: string, init?: RequestInit) => fetch(`${stack.baseUrl}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function adminClient() {
    const { data } = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    return authorized(stack, data!.accessToken);
  }

  it('reports health of the database and Redis, and the version', async () => {
    const health = await raw('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      checks: { database: 'up', redis: 'up' },
      failedJobsLastDay: expect.any(Number),
    });
    const version = await (await raw('/api/version')).json();
    expect(version).toEqual({ name: 'tessera', version: expect.any(String), commit: expect.any(String) });
    expect(JSON.stringify(version)).not.toContain(process.version);
  });

  it('serves the OpenAPI document describing every endpoint, and Swagger UI', async () => {
    const document = (await (await raw('/api/openapi.json')).json()) as {
      paths: Record<string, { post: { responses: object } }>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/forgot-password',
        '/api/v1/emails',
        '/api/v1/users',
        '/api/health',
      ]),
    );
    expect(document.paths['/api/v1/auth/login'].post.responses).toHaveProperty('429');
    expect((await raw('/api/docs')).status).toBe(200);
  });

  it('answers bad input with problem+json and field errors', async () => {
    const response = await postJson('/api/v1/auth/login', { email: 'not-an-email', extra: 1 });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { errors: unknown[] };
    expect(problem).toMatchObject({ type: 'urn:tessera:problem:validation', title: 'Validation failed', status: 400 });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', code: 'isEmailAddress', message: 'must be an e-mail address' },
        { field: 'password', code: expect.any(String), message: expect.any(String) },
        { field: 'extra', code: 'whitelistValidation', message: expect.stringContaining('should not exist') },
      ]),
    );
  });

  it('answers malformed JSON, unknown routes and wrong media types with problems, never 500', async () => {
    const malformed = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    // With credentials (anonymous callers may not send 200 KB at all: a 413).
    const deep = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-checked-before-parsing' },
      body: '['.repeat(100_000) + ']'.repeat(100_000),
    });
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ status: 400, detail: expect.stringContaining('nested') });
    // Helmet's headers on every answer, problems included; no X-Powered-By.
    expect(deep.headers.get('x-content-type-options')).toBe('nosniff');
    expect(deep.headers.get('strict-transport-security')).toContain('max-age=');
    expect(deep.headers.get('x-powered-by')).toBeNull();
    const missing = await raw('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, title: 'Not found' });
    const media = await raw('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'a,b',
    });
    expect(media.status).toBe(415);
    const badId = await (await adminClient()).GET('/api/v1/users/{id}', { params: { path: { id: 'not-a-uuid' } } });
    expect(badId.response.status).toBe(400);
  });

  it('rate-limits sign-in attempts with 429 and Retry-After (rate-limits.e2e-spec.ts has the rest)', async () => {
    const client = { 'x-forwarded-for': '192.0.2.200' };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let attempt = 0; attempt < 11; attempt += 1) {
      last = await postJson('/api/v1/auth/login', { email: uniqueEmail('brute'), password: 'wrong-password' }, client);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.json()).toMatchObject({ status: 429, type: 'urn:tessera:problem:rate-limited' });
  });

  it('rate-limits forgot-password per address, still without revealing accounts', async () => {
    const email = uniqueEmail('flood');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await postJson('/api/v1/auth/forgot-password', { email })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it('keeps staff endpoints to their roles', async () => {
    expect((await stack.client.GET('/api/v1/users')).response.status).toBe(401);
    const admin = await adminClient();
    const email = uniqueEmail('finance');
    await admin.POST('/api/v1/users', { body: { email, name: 'Fin Ance', roles: ['finance'], locale: 'fr' } });
    const list = await admin.GET('/api/v1/users', { params: { query: { q: email } } });
    expect(list.data).toMatchObject({ total: 1, page: 1, items: [{ email, locale: 'fr', activated: false }] });
    // The invitation is in the user's language; once activated, a finance user is not an admin.
    const { message, token } = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    expect(message.text).toMatch(/Bonjour|Vous/);
    const session = await stack.client.POST('/api/v1/auth/activate', {
      body: { token, password: 'Finance-Password-42x' },
    });
    const asFinance = authorized(stack, session.data!.accessToken);
    const forbidden = await asFinance.GET('/api/v1/users');
    expect(forbidden.response.status).toBe(403);
    expect(forbidden.error).toMatchObject({ status: 403, detail: expect.stringContaining('role') });
    expect((await asFinance.GET('/api/v1/me')).data?.user.roles).toEqual(['finance']);
  });

  it('authenticates integrators by API key with scopes; a revoked key is refused', async () => {
    const admin = await adminClient();
    const created = await admin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['members:read'] } });
    expect(created.response.status).toBe(201);
    const key = created.data!.key;
    expect(key).toMatch(/^tsk_/);
    const listed = await admin.GET('/api/v1/api-keys');
    expect(JSON.stringify(listed.data)).not.toContain(key);

    // A key cannot reach staff-only endpoints that declare no scope for it.
    const asKey = await raw('/api/v1/users', { headers: { 'x-api-key': key } });
    expect(asKey.status).toBe(403);
    expect((await raw('/api/v1/users', { headers: { 'x-api-key': 'tsk_forged' } })).status).toBe(401);

    await admin.DELETE('/api/v1/api-keys/{id}', { params: { path: { id: created.data!.id } } });
    expect((await raw('/api/v1/users', { headers: { 'x-api-key': key } })).status).toBe(401);
  });
});
