import { PinoLogger } from 'nestjs-pino';
import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface RequestLine {
  req?: { id: string; url: string };
  res?: { statusCode: number };
}

/** What the request logger writes, taken at its destination stream (pino writes each line there). */
function captureRequestLog(): { lines(): RequestLine[]; raw(): string; restore(): void } {
  const logger = PinoLogger.root as unknown as Record<symbol, { write(line: string): unknown }>;
  const streamKey = Object.getOwnPropertySymbols(logger).find((key) => key.description === 'pino.stream');
  if (!streamKey) throw new Error('The request logger has no stream');
  const chunks: string[] = [];
  const spy = jest.spyOn(logger[streamKey], 'write').mockImplementation((line: string) => chunks.push(line));
  const raw = () => chunks.join('');
  return {
    raw,
    lines: () =>
      raw()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as RequestLine)
        .filter((line) => line.req && line.res),
    restore() {
      spy.mockRestore();
    },
  };
}

describe('X-Request-Id and request logs', () => {
  let api: ApiWith;
  let requestLog: ReturnType<typeof captureRequestLog>;
  const logLevel = process.env.LOG_LEVEL;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'info';
    api = await startApiWith([]);
    requestLog = captureRequestLog();
  });
  afterAll(async () => {
    requestLog.restore();
    await api.stop();
    process.env.LOG_LEVEL = logLevel;
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.baseUrl}${path}`, { headers });

  async function loggedLine(id: string): Promise<RequestLine> {
    for (let tries = 0; tries < 50; tries += 1) {
      const line = requestLog.lines().find((candidate) => candidate.req?.id === id);
      if (line) return line;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`No request line with id ${id} in:\n${requestLog.raw()}`);
  }

  it('uses a safe incoming id, echoes it and logs it', async () => {
    const response = await get('/api/version', { 'x-request-id': 'trace.abc-123_X' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace.abc-123_X');
    expect(await loggedLine('trace.abc-123_X')).toMatchObject({
      req: { url: '/api/version' },
      res: { statusCode: 200 },
    });
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['unsafe characters', 'abc def;<script>'],
    ['empty', ''],
  ])('replaces an incoming id that is %s with a new UUID', async (_, incoming) => {
    const response = await get('/api/version', { 'x-request-id': incoming });
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(UUID);
    await loggedLine(id);
  });

  it('accepts 128 safe characters', async () => {
    const incoming = 'A'.repeat(128);
    const response = await get('/api/version', { 'x-request-id': incoming });
    expect(response.headers.get('x-request-id')).toBe(incoming);
  });

  it('makes an id for every response, errors and 404s included, and logs it', async () => {
    const notFound = await get('/api/v1/no-such-route');
    const unauthorized = await get('/api/v1/users');
    const badBody = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect([notFound.status, unauthorized.status, badBody.status]).toEqual([404, 401, 400]);
    const ids = [notFound, unauthorized, badBody].map((response) => response.headers.get('x-request-id') ?? '');
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
    expect((await loggedLine(ids[1])).res).toEqual({ statusCode: 401 });
  });

  it('logs the path of a request without its query string', async () => {
    const login = await fetch(`${api.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const response = await get('/api/v1/members?q=ann.secret%40example.org&page=1', {
      authorization: `Bearer ${accessToken}`,
      'x-request-id': 'search-1',
    });
    expect(response.status).toBe(200);
    expect((await loggedLine('search-1')).req?.url).toBe('/api/v1/members');
    expect(requestLog.raw()).not.toContain('ann.secret');
  });
});
