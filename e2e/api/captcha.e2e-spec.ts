import { CaptchaService } from '@tessera/core';
import { solveCaptcha } from '@tessera/testing';
import { startApiWith, type ApiWith } from '../support/api-with';

describe('the captcha of public forms', () => {
  let app: ApiWith;
  beforeAll(async () => {
    app = await startApiWith([]);
  });
  afterAll(() => app.stop());

  it('serves fresh ALTCHA v2 challenges to anyone, never cached', async () => {
    const response = await fetch(`${app.baseUrl}/api/v1/captcha/challenge`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const challenge = (await response.json()) as Record<string, unknown>;
    // `{parameters, signature}` and no top-level `challenge`: the altcha widget takes it as v2
    expect(challenge).toEqual({
      parameters: expect.objectContaining({ algorithm: 'PBKDF2/SHA-256', expiresAt: expect.any(Number) }),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const other = (await (await fetch(`${app.baseUrl}/api/v1/captcha/challenge`)).json()) as Record<string, unknown>;
    expect(other.signature).not.toBe(challenge.signature);
  });

  it('accepts a payload solved as the widget does, once', async () => {
    const payload = await solveCaptcha(app.baseUrl);
    const captcha = app.api.get(CaptchaService);
    await expect(captcha.verify(payload)).resolves.toBeUndefined();
    await expect(captcha.verify(payload)).rejects.toMatchObject({
      problem: expect.objectContaining({ type: 'urn:tessera:problem:captcha-replayed' }),
    });
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: unknown }> } }>;
    };
    expect(document.paths['/api/v1/captcha/challenge'].get?.responses['200'].content).toBeDefined();
  });
});
