import { MAX_FIELD_ERRORS } from '@tessera/core';
import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';

/** A cheap request must not buy an expensive answer: the body's shape is checked first, errors are capped. */
describe('bodies that would amplify into huge answers', () => {
  let app: ApiWith;
  let token: string;

  beforeAll(async () => {
    app = await startApiWith([]);
    const session = await post('/api/v1/auth/login', JSON.stringify(ADMIN));
    token = ((await session.json()) as { accessToken: string }).accessToken;
  });
  afterAll(() => app.stop());

  function post(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${app.baseUrl}${path}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    });
  }

  /** 100,000 elements, ~200 KB: the request that once answered 10 MB after 2 s of event loop. */
  const hugeArray = JSON.stringify(Array.from({ length: 100_000 }, () => 1));

  async function expectSmallProblem(response: Response, status: number, slug: string) {
    const text = await response.text();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(text)).toMatchObject({ status, type: `urn:tessera:problem:${slug}` });
    expect(text.length).toBeLessThan(4096);
  }

  it('refuses a 200 KB body from a caller without credentials before reading it (413)', async () => {
    const started = performance.now();
    await expectSmallProblem(await post('/api/v1/auth/login', hugeArray), 413, 'payload-too-large');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a chunked body from a caller without credentials once it passes 16 KiB', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(8 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await expectSmallProblem(response, 413, 'payload-too-large');
  });

  it('refuses a top-level array where an object is expected, without validating its elements', async () => {
    const anonymous = await post('/api/v1/auth/login', JSON.stringify([ADMIN, ADMIN, ADMIN]));
    await expectSmallProblem(anonymous, 400, 'body-not-object');

    const started = performance.now();
    const signedIn = await post('/api/v1/users', hugeArray, { authorization: `Bearer ${token}` });
    await expectSmallProblem(signedIn, 400, 'body-not-object');
    expect(performance.now() - started).toBeLessThan(500);

    await expectSmallProblem(await post('/api/v1/auth/login', '"admin"'), 400, 'body-not-object');
    await expectSmallProblem(await post('/api/v1/auth/login', 'null'), 400, 'body-not-object');
  });

  it(`reports at most ${MAX_FIELD_ERRORS} field errors and how many more there were`, async () => {
    // 5,000 unknown properties: one error each.
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 5_000 }, (_, index) => [`x${index}`, 1])));
    const response = await post('/api/v1/users', body, { authorization: `Bearer ${token}` });
    const text = await response.text();
    expect(response.status).toBe(400);
    const problem = JSON.parse(text) as { errors: unknown[]; detail: string };
    expect(problem.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(problem.detail).toMatch(/and \d+ more errors$/);
    expect(text.length).toBeLessThan(16_384);
  });

  it('still accepts an ordinary sign-in', async () => {
    expect((await post('/api/v1/auth/login', JSON.stringify(ADMIN))).status).toBe(200);
  });
});
