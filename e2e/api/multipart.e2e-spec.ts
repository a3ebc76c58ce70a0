import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { multipartBody, Public, TakesFiles } from '@tessera/core';
import { startApiWith, type ApiWith } from '../support/api-with';

/** Echoes what multipartBody() gives a handler, files by size and hash. */
@Public()
@Controller('probe')
class UploadProbeController {
  static calls = 0;

  @Post('upload')
  @TakesFiles()
  @HttpCode(200)
  upload(@Req() request: Parameters<typeof multipartBody>[0]) {
    UploadProbeController.calls += 1;
    const { fields, files } = multipartBody(request);
    return {
      fields,
      files: files.map(({ bytes, ...file }) => ({
        ...file,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      })),
    };
  }
}

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface RawPart {
  name: string;
  filename?: string;
  type?: string;
  content: string | Buffer;
}

/** A multipart body written by hand, for what FormData will not send. */
function rawMultipart(parts: RawPart[], boundary = 'tessera-boundary'): Buffer {
  const chunks = parts.flatMap(({ name, filename, type, content }) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
        (filename === undefined ? '' : `; filename="${filename}"`) +
        (type ? `\r\nContent-Type: ${type}` : '') +
        '\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

describe('multipart/form-data uploads', () => {
  let app: ApiWith;
  beforeAll(async () => {
    app = await startApiWith([UploadProbeController]);
  });
  afterAll(() => app.stop());

  const post = (body: RequestInit['body'], headers: Record<string, string> = {}, path = '/api/v1/probe/upload') =>
    fetch(`${app.baseUrl}${path}`, { method: 'POST', body, headers });
  const postRaw = (body: Buffer, contentType = 'multipart/form-data; boundary=tessera-boundary') =>
    post(body, { 'content-type': contentType });

  async function expectProblem(response: Response, status: number, slug: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as Record<string, unknown>;
    expect(problem).toMatchObject({ status, type: `urn:tessera:problem:${slug}` });
    return problem;
  }

  it('gives handlers text fields by name and every file, in order, with its bytes', async () => {
    const form = new FormData();
    const documents = [Buffer.from('%PDF-1.4 one'), Buffer.from('%PDF-1.4 two'), Buffer.from('%PDF-1.4 three')];
    form.append('name', 'Ada Lovelace');
    documents.forEach((bytes, index) =>
      form.append('documents', new Blob([bytes], { type: 'application/pdf' }), `doc-${index}.pdf`),
    );
    form.append('photo', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0])], { type: 'image/jpeg' }), 'me.jpg');
    form.append('note', 'é ü — ünïcödé');

    const response = await post(form);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      fields: { name: 'Ada Lovelace', note: 'é ü — ünïcödé' },
      files: [
        ...documents.map((bytes, index) => ({
          field: 'documents',
          filename: `doc-${index}.pdf`,
          declaredType: 'application/pdf',
          size: bytes.length,
          sha256: sha256(bytes),
        })),
        { field: 'photo', filename: 'me.jpg', declaredType: 'image/jpeg', size: 4, sha256: expect.any(String) },
      ],
    });
  });

  it('keeps a part sent as JSON as text, skips file inputs left empty, and strips paths from names', async () => {
    const response = await postRaw(
      rawMultipart([
        { name: 'application', type: 'application/json', content: '{"firstName":"Ada"}' },
        { name: 'photo', filename: '', type: 'application/octet-stream', content: '' },
        { name: 'signature', filename: '../../etc/sig.png', type: 'image/png', content: 'png' },
      ]),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      fields: { application: '{"firstName":"Ada"}' },
      files: [{ field: 'signature', filename: 'sig.png', size: 3 }],
    });
  });

  it('accepts files up to 10 MiB and refuses a larger one with 413 naming the field and file', async () => {
    const atLimit = new FormData();
    atLimit.append('documents', new Blob([Buffer.alloc(10 * MiB, 1)]), 'exactly-ten.pdf');
    expect((await post(atLimit)).status).toBe(200);

    const tooLarge = new FormData();
    tooLarge.append('documents', new Blob([Buffer.alloc(10 * MiB + 1, 1)]), 'big.pdf');
    const problem = await expectProblem(await post(tooLarge), 413, 'file-too-large');
    expect(problem.detail).toContain('big.pdf');
    expect(problem.errors).toEqual([{ field: 'documents', message: '"big.pdf" is larger than 10 MiB.' }]);
  });

  it('refuses more than 12 files, more than 20 fields, or a field over 1 MiB', async () => {
    const files = new FormData();
    for (let index = 0; index < 13; index += 1) files.append('documents', new Blob(['%PDF-']), `${index}.pdf`);
    await expectProblem(await post(files), 400, 'too-many-files');

    const fields = new FormData();
    for (let index = 0; index < 21; index += 1) fields.append(`field${index}`, 'x');
    await expectProblem(await post(fields), 400, 'too-many-fields');

    const longField = new FormData();
    longField.append('application', 'x'.repeat(MiB + 1));
    const problem = await expectProblem(await post(longField), 413, 'field-too-large');
    expect(problem.errors).toEqual([{ field: 'application', message: expect.stringContaining('1 MiB') }]);
  });

  it('refuses a text field sent twice, and a JSON part that is not JSON', async () => {
    await expectProblem(
      await postRaw(
        rawMultipart([
          { name: 'a', content: '1' },
          { name: 'a', content: '2' },
        ]),
      ),
      400,
      'duplicate-field',
    );
    await expectProblem(
      await postRaw(rawMultipart([{ name: 'application', type: 'application/json', content: '{"broken":' }])),
      400,
      'invalid-json-field',
    );
  });

  it('answers malformed multipart bodies with 400, never 500', async () => {
    const body = rawMultipart([{ name: 'documents', filename: 'a.pdf', content: '%PDF-1.4 ...' }]);
    await expectProblem(await postRaw(body, 'multipart/form-data'), 400, 'malformed-multipart');
    await expectProblem(
      await postRaw(body, `multipart/form-data; boundary=${'b'.repeat(300)}`),
      400,
      'malformed-multipart',
    );
    await expectProblem(await postRaw(body.subarray(0, body.length - 25)), 400, 'malformed-multipart');
  });

  it('does not hand a handler the parts read before the client went away', async () => {
    const body = rawMultipart([
      { name: 'name', content: 'Ada' },
      { name: 'documents', filename: 'a.pdf', content: Buffer.alloc(256 * 1024, 1) },
    ]);
    const callsBefore = UploadProbeController.calls;
    const { port } = new URL(app.baseUrl);
    const upload = request({
      port,
      host: '127.0.0.1',
      method: 'POST',
      path: '/api/v1/probe/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=tessera-boundary', 'content-length': body.length },
    });
    upload.on('error', () => undefined);
    // Cut after the complete first part, in the headers of the second.
    upload.write(body.subarray(0, body.indexOf('name="documents"')));
    await new Promise((resolve) => setTimeout(resolve, 200));
    upload.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(UploadProbeController.calls).toBe(callsBefore);
  });

  it('answers a body that is not multipart with 415', async () => {
    const json = await post(JSON.stringify({ name: 'Ada' }), { 'content-type': 'application/json' });
    const problem = await expectProblem(json, 415, 'unsupported-media-type');
    expect(problem.detail).toMatch(/multipart\/form-data/);
    await expectProblem(
      await fetch(`${app.baseUrl}/api/v1/probe/upload`, { method: 'POST' }),
      415,
      'unsupported-media-type',
    );
    // ...and one shaped like a parsed multipart body is not taken for one
    const lookalike = await post(JSON.stringify({ fields: {}, files: [] }), { 'content-type': 'application/json' });
    await expectProblem(lookalike, 415, 'unsupported-media-type');
  });

  it('answers a multipart body sent to a JSON endpoint with a validation problem', async () => {
    const form = new FormData();
    form.append('email', 'ada@example.test');
    form.append('password', 'x');
    const response = await post(form, {}, '/api/v1/auth/login');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: 'urn:tessera:problem:validation' });
  });
});
