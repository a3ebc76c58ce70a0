import { nextIp, personApplication } from '../support/applications';
import { ADMIN, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * Inputs a hostile client sends (issue 11's fuzzing findings): each is a 400 problem naming the
 * field — never a 500, never a value PostgreSQL or the mailer refuses later.
 */
describe('hostile input answers 4xx problem+json (API over HTTP)', () => {
  let stack: Stack;
  let token: string;
  let planId: string;

  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}${path}`, {
      method,
      headers: {
        'x-forwarded-for': nextIp(),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Expects a 400 problem+json whose errors name `field`. */
  async function expectFieldError(response: Response, field: string): Promise<void> {
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status: 400 });
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = JSON.parse(text) as { errors?: { field: string }[] };
    expect(problem.errors?.map((error) => error.field)).toContain(field);
  }

  const order = (customer: Record<string, unknown>) => ({ customer, lines: [{ planId }] });
  /** A person's application document, as the JSON body staff may send. */
  const individual = (email: string) =>
    JSON.parse(personApplication(planId, { firstName: 'Ada', lastName: 'Lovelace', email }).value as string) as {
      person: { address: { city: string } };
    };

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    token = session.data!.accessToken;
    const plan = await send('POST', '/api/v1/plans', {
      code: 'hardening',
      name: 'Standard',
      applicantKinds: ['individual', 'organisation'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    });
    planId = ((await plan.json()) as { id: string }).id;
  });
  afterAll(() => stack.stop());

  describe('1. a lone surrogate in an e-mail address', () => {
    const lone = 'a\ud800@x.test';
    it('is a field error on login and forgot-password, anonymously', async () => {
      const anonymous = { authorization: '' };
      await expectFieldError(
        await send('POST', '/api/v1/auth/login', { email: lone, password: 'x' }, anonymous),
        'email',
      );
      await expectFieldError(await send('POST', '/api/v1/auth/forgot-password', { email: lone }, anonymous), 'email');
    });
    it('is a field error on users, orders and applications', async () => {
      await expectFieldError(await send('POST', '/api/v1/users', { email: lone, name: 'A', roles: [] }), 'email');
      await expectFieldError(await send('POST', '/api/v1/orders', order({ email: lone, name: 'A' })), 'customer.email');
      await expectFieldError(await send('POST', '/api/v1/applications', individual(lone)), 'application.person.email');
    });
  });

  describe('2. control characters in stored text', () => {
    it('refuses NUL and other control characters with the field named', async () => {
      await expectFieldError(
        await send('POST', '/api/v1/users', { email: uniqueEmail(), name: 'Ada\u0000', roles: [] }),
        'name',
      );
      await expectFieldError(await send('POST', '/api/v1/api-keys', { name: 'key\u0007', scopes: [] }), 'name');
      await expectFieldError(
        await send('POST', '/api/v1/orders', order({ email: uniqueEmail(), name: 'A\u001b[31m' })),
        'customer.name',
      );
      const application = individual(uniqueEmail());
      application.person.address.city = 'Brus\u0000sels';
      await expectFieldError(
        await send('POST', '/api/v1/applications', application),
        'application.person.address.city',
      );
    });
    it('refuses them in multipart text fields too', async () => {
      const form = new FormData();
      form.append('comment', 'see\u0000attached');
      const response = await fetch(`${stack.baseUrl}/api/v1/approvals/${crypto.randomUUID()}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      await expectFieldError(response, 'comment');
    });
    it('keeps tab, newline and carriage return', async () => {
      const response = await send('POST', `/api/v1/orders`, {
        ...order({ email: uniqueEmail(), name: 'Ada\tLovelace' }),
        externalReference: 'line 1\r\nline 2',
      });
      expect(response.status).toBe(201);
    });
  });

  describe('3. control characters in query parameters', () => {
    it.each([
      ['/api/v1/users?q=%00', 'q'],
      ['/api/v1/orders?q=%00', 'q'],
      ['/api/v1/applications?q=%00', 'q'],
      ['/api/v1/members?q=a%00', 'q'],
      ['/api/v1/emails?recipient=%00', 'recipient'],
    ])('%s is a field error', async (path, field) => {
      await expectFieldError(await send('GET', path), field);
    });
  });

  describe('4. page numbers beyond any page', () => {
    it.each(['users', 'emails', 'orders', 'applications', 'approval-flows', 'members', 'approvals'])(
      '/%s refuses them',
      async (list) => {
        for (const page of ['1e308', '99999999999999999999', '1.5', '0x10', '-1'])
          await expectFieldError(await send('GET', `/api/v1/${list}?page=${page}`), 'page');
        expect((await send('GET', `/api/v1/${list}?page=2&pageSize=5`)).status).toBe(200);
      },
    );
  });

  describe('5. explicit null', () => {
    it('is refused where null means nothing', async () => {
      await expectFieldError(
        await send('POST', '/api/v1/users', { email: uniqueEmail(), name: 'Ada', roles: [], locale: null }),
        'locale',
      );
      const created = await send('POST', '/api/v1/users', { email: uniqueEmail(), name: 'Ada', roles: ['officer'] });
      const { id } = (await created.json()) as { id: string };
      for (const field of ['name', 'roles', 'active', 'locale'])
        await expectFieldError(await send('PATCH', `/api/v1/users/${id}`, { [field]: null }), field);
    });
  });

  describe('6. a missing nested object', () => {
    it('POST /orders without customer is a field error', async () => {
      await expectFieldError(await send('POST', '/api/v1/orders', { lines: [{ planId }] }), 'customer');
      await expectFieldError(await send('POST', '/api/v1/orders', { customer: 'x', lines: [{ planId }] }), 'customer');
    });
  });

  describe('7. e-mail addresses the mailer cannot send to', () => {
    it.each(['"a b"@example.test', '"ab"@example.test', 'a@localhost', 'a@[127.0.0.1]', 'a b@example.test'])(
      '%s is refused by every e-mail field',
      async (email) => {
        await expectFieldError(await send('POST', '/api/v1/users', { email, name: 'A', roles: [] }), 'email');
        await expectFieldError(await send('POST', '/api/v1/orders', order({ email, name: 'A' })), 'customer.email');
      },
    );
  });

  describe('10. errors raised by Fastify and Node are problems too', () => {
    async function expectProblem(response: Response, status: number): Promise<string> {
      const text = await response.text();
      expect({ status: response.status, text }).toMatchObject({ status });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.parse(text)).toMatchObject({ status, type: expect.stringMatching(/^urn:tessera:problem:/) });
      return text;
    }

    it('a path parameter too long is a 414 problem', async () => {
      await expectProblem(await send('GET', `/api/v1/users/${'a'.repeat(1000)}`), 414);
    });
    it('a bad URL escape is a 400 problem that does not echo the URL', async () => {
      const text = await expectProblem(await send('GET', '/api/v1/users/%E0%A4%A<script>'), 400);
      expect(text).not.toContain('script');
    });
    it('headers too large are a 431 problem', async () => {
      await expectProblem(await send('GET', '/api/health', undefined, { 'x-big': 'a'.repeat(20_000) }), 431);
    });
    it('invalid JSON, a wrong media type and a body too large are problems', async () => {
      const invalid = await expectProblem(await send('POST', '/api/v1/auth/login', '{"email": <script>'), 400);
      expect(invalid).not.toContain('script');
      await expectProblem(await send('POST', '/api/v1/auth/login', 'email=a', { 'content-type': 'text/plain' }), 415);
      await expectProblem(await send('POST', '/api/v1/auth/login', { email: 'a'.repeat(2 * 1024 * 1024) }), 413);
    });
    it('a multipart JSON part nested 100,000 deep is a 400 without internals', async () => {
      const form = new FormData();
      form.append('application', new Blob(['['.repeat(100_000) + ']'.repeat(100_000)]), 'application.json');
      const response = await fetch(`${stack.baseUrl}/api/v1/applications`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const text = await expectProblem(response, 400);
      expect(text).not.toMatch(/call stack|RangeError/i);
    });
  });
});
