import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { startApiWith, type ApiWith } from '../support/api-with';

const MiB = 1024 * 1024;

interface EarlyAnswer {
  status: number;
  body: Record<string, unknown>;
  connection: string | undefined;
}

/**
 * Declares a multipart body of `declared` bytes, sends only its first `sent` bytes and waits for
 * the answer: one that comes while most of the body is still unsent proves the server answered
 * without reading it (a server that reads the upload first never answers at all).
 */
function partialUpload(baseUrl: string, path: string, declared: number, sent: number): Promise<EarlyAnswer> {
  const boundary = 'tessera-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n%PDF-1.4\n',
  );
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const upload = request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': declared },
    });
    const timer = setTimeout(() => {
      upload.destroy();
      reject(new Error(`No answer while the upload to ${path} was still being sent`));
    }, 5_000);
    upload.on('error', () => undefined);
    upload.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        upload.destroy();
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
          connection: response.headers.connection,
        });
      });
    });
    upload.write(Buffer.concat([head, Buffer.alloc(sent - head.length, 0x41)]));
  });
}

describe('multipart bodies are read only by routes that take files, after the guard', () => {
  let app: ApiWith;
  beforeAll(async () => {
    app = await startApiWith([]);
  });
  afterAll(() => app.stop());

  it('refuses an anonymous 9 MiB upload to an admin-only route without reading it', async () => {
    const answer = await partialUpload(app.baseUrl, '/api/v1/api-keys', 9 * MiB, 64 * 1024);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ type: 'urn:tessera:problem:unauthorized' });
    // …and closes the connection rather than drain the rest of the upload to keep it alive.
    expect(answer.connection).toBe('close');
  });

  it('refuses an anonymous upload to a route that takes files before reading it', async () => {
    const answer = await partialUpload(
      app.baseUrl,
      `/api/v1/approvals/${randomUUID()}/attachments`,
      9 * MiB,
      64 * 1024,
    );
    expect(answer.status).toBe(401);
  });

  it('keeps the connection of requests whose body was read (no Connection: close)', async () => {
    const health = await fetch(`${app.baseUrl}/api/health`);
    expect(health.headers.get('connection')).toBe('keep-alive');
    const signIn = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password' }),
    });
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('connection')).toBe('keep-alive');
  });
});
