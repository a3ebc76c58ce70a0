import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  Idempotency,
  Idempotent,
  multipartBody,
  ProblemException,
  Public,
  TakesFiles,
  Transactions,
  type IdempotentCall,
} from '@tessera/core';
import { DataSource } from 'typeorm';
import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';

/** Each call records one effect (a row), slowly enough for concurrent calls to overlap. */
@Public()
@Controller('probe')
class IdempotencyProbeController {
  constructor(
    private readonly transactions: Transactions,
    private readonly idempotency: Idempotency,
  ) {}

  @Post('effects')
  effects(
    @Body() body: Record<string, unknown>,
    @Idempotent() call: IdempotentCall,
    @Headers('x-probe-fail') fail?: string,
  ) {
    return this.idempotency.once(call, () => this.record(JSON.stringify(body), fail));
  }

  @Post('accepted')
  @HttpCode(202)
  accepted(@Body() body: Record<string, unknown>, @Idempotent() call: IdempotentCall) {
    return this.idempotency.once(call, () => this.record(JSON.stringify(body)));
  }

  @Post('uploads')
  @TakesFiles()
  uploads(@Req() request: Parameters<typeof multipartBody>[0], @Idempotent() call: IdempotentCall) {
    const { files } = multipartBody(request);
    return this.idempotency.once(call, () => this.record(files.map((file) => file.filename).join(',')));
  }

  private async record(label: string, fail?: string) {
    const [row]: { id: number }[] = await this.transactions.run((manager) =>
      manager.query(`INSERT INTO probe_effects (label) SELECT $1 FROM pg_sleep(0.1) RETURNING id`, [label]),
    );
    if (fail) throw ProblemException.conflict('The probe was told to fail.', 'probe-failed');
    return { effect: row.id, label, at: new Date().toISOString() };
  }
}

describe('Idempotency-Key on POST endpoints', () => {
  let app: ApiWith;
  let dataSource: DataSource;
  let keyNumber = 0;
  const newKey = () => `key-${Date.now()}-${(keyNumber += 1)}`;

  beforeAll(async () => {
    app = await startApiWith([IdempotencyProbeController]);
    dataSource = app.api.get(DataSource);
    await dataSource.query(`CREATE TABLE probe_effects (id serial PRIMARY KEY, label text NOT NULL)`);
  });
  afterAll(() => app.stop());

  const effects = async (): Promise<number> =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM probe_effects`))[0].n);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}/api/v1/probe/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const withKey = (key: string, headers: Record<string, string> = {}) => ({ 'idempotency-key': key, ...headers });

  it('runs the handler every time when no key is sent', async () => {
    const before = await effects();
    const [first, second] = [await post('effects', { a: 1 }), await post('effects', { a: 1 })];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(await effects()).toBe(before + 2);
  });

  it('replays the first response for the same key and request, whatever the JSON key order', async () => {
    const key = newKey();
    const before = await effects();
    const first = await post('effects', { name: 'Ada', plan: 'basic' }, withKey(key));
    const again = await post('effects', { plan: 'basic', name: 'Ada' }, withKey(key));
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await effects()).toBe(before + 1);
  });

  it('replays the status the handler answered with', async () => {
    const key = newKey();
    expect((await post('accepted', { x: 1 }, withKey(key))).status).toBe(202);
    const again = await post('accepted', { x: 1 }, withKey(key));
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the same key with another request: 422 problem', async () => {
    const key = newKey();
    await post('effects', { amount: 10 }, withKey(key));
    const before = await effects();
    const reused = await post('effects', { amount: 11 }, withKey(key));
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(await reused.json()).toMatchObject({
      status: 422,
      type: 'urn:tessera:problem:idempotency-key-reused',
      detail: expect.stringContaining('different request'),
    });
    expect(await effects()).toBe(before);
  });

  it('keeps keys apart per endpoint and per caller', async () => {
    const key = newKey();
    const before = await effects();
    await post('effects', { x: 1 }, withKey(key));
    expect((await post('accepted', { x: 1 }, withKey(key))).headers.get('idempotent-replayed')).toBeNull();
    const login = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const signedIn = await post('effects', { x: 1 }, withKey(key, { authorization: `Bearer ${accessToken}` }));
    expect(signedIn.headers.get('idempotent-replayed')).toBeNull();
    expect(await effects()).toBe(before + 3);
  });

  it('has the effect of one request when ten arrive at once with the same key', async () => {
    const key = newKey();
    const before = await effects();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post('effects', { order: 'A-1' }, withKey(key))),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(bodies).size).toBe(1); // byte for byte
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(9);
    expect(await effects()).toBe(before + 1);
  });

  it('keeps nothing of a request that failed, so it can be retried with the same key', async () => {
    const key = newKey();
    const before = await effects();
    const failed = await post('effects', { y: 1 }, withKey(key, { 'x-probe-fail': '1' }));
    expect(failed.status).toBe(409);
    expect(await effects()).toBe(before); // the handler's work was rolled back with the key
    const retried = await post('effects', { y: 1 }, withKey(key));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await post('effects', { y: 1 }, withKey(key))).headers.get('idempotent-replayed')).toBe('true');
    expect(await effects()).toBe(before + 1);
  });

  it('refuses malformed keys with 400', async () => {
    for (const key of ['', 'k'.repeat(256), 'clé']) {
      const response = await post('effects', { z: 1 }, withKey(key));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ type: 'urn:tessera:problem:invalid-idempotency-key' });
    }
  });

  it('compares multipart requests by their fields and the bytes of their files', async () => {
    const key = newKey();
    const form = (content: string) => {
      const body = new FormData();
      body.append('note', 'hello');
      body.append('documents', new Blob([content]), 'a.pdf');
      return body;
    };
    const upload = (body: FormData) =>
      fetch(`${app.baseUrl}/api/v1/probe/uploads`, { method: 'POST', body, headers: withKey(key) });
    const first = await upload(form('%PDF-1.4 one'));
    expect(first.status).toBe(201);
    const again = await upload(form('%PDF-1.4 one'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect((await upload(form('%PDF-1.4 two'))).status).toBe(422);
  });

  it('forgets keys after 24 hours: an expired key starts afresh, and expired rows are purged', async () => {
    const [stale, other] = [newKey(), newKey()];
    await post('effects', { v: 1 }, withKey(stale));
    await post('effects', { v: 1 }, withKey(other));
    await dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ANY($1)`, [
      [stale, other],
    ]);
    const fresh = await post('effects', { v: 2 }, withKey(stale));
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    const rows = await dataSource.query(`SELECT key FROM idempotency_keys WHERE key = ANY($1)`, [[stale, other]]);
    expect(rows).toEqual([{ key: stale }]);
  });

  it('documents the header and the 422 in the OpenAPI document', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, { post: { parameters: unknown[]; responses: Record<string, unknown> } }>;
    };
    const operation = document.paths['/api/v1/probe/effects'].post;
    expect(operation.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
    );
    expect(operation.responses).toHaveProperty('422');
  });
});
