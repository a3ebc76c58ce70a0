import { captchaSecrets, checkCaptchaAnswer, createCaptchaChallenge, solveCaptchaChallenge } from './altcha';

const secrets = captchaSecrets('a-master-key-of-at-least-32-characters!');
const inTenMinutes = () => new Date(Date.now() + 10 * 60_000);
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));

// Each solve is real proof of work (about a second of CPU, more when the machine is busy).
jest.setTimeout(30_000);

describe('ALTCHA v2 challenges', () => {
  it('issues a challenge in the shape the altcha 3 widget reads as v2', async () => {
    const challenge = await createCaptchaChallenge(secrets, inTenMinutes());
    expect(Object.keys(challenge).sort()).toEqual(['parameters', 'signature']); // no top-level `challenge`: not v1
    expect(challenge.parameters).toMatchObject({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1000,
      keyPrefix: expect.stringMatching(/^[0-9a-f]+$/),
      keySignature: expect.stringMatching(/^[0-9a-f]{64}$/),
      nonce: expect.any(String),
      salt: expect.any(String),
    });
  });

  it('accepts a solved challenge, reporting its signature and expiry', async () => {
    const expiresAt = inTenMinutes();
    const challenge = await createCaptchaChallenge(secrets, expiresAt);
    const payload = await solveCaptchaChallenge(challenge);
    expect(decode(payload)).toEqual({
      challenge,
      solution: { counter: expect.any(Number), derivedKey: expect.any(String), time: expect.any(Number) },
    });
    expect(await checkCaptchaAnswer(payload, secrets)).toEqual({
      outcome: 'solved',
      signature: challenge.signature,
      expiresAt: new Date(Math.floor(expiresAt.getTime() / 1000) * 1000),
    });
  });

  it('refuses tampered parameters, a wrong key, and answers signed with other secrets', async () => {
    const payload = await solveCaptchaChallenge(await createCaptchaChallenge(secrets, inTenMinutes()));
    const answer = decode(payload);
    const tampered = [
      { ...answer, challenge: { ...answer.challenge, parameters: { ...answer.challenge.parameters, cost: 1 } } },
      {
        ...answer,
        challenge: {
          ...answer.challenge,
          parameters: { ...answer.challenge.parameters, expiresAt: answer.challenge.parameters.expiresAt + 3600 },
        },
      },
      { ...answer, solution: { ...answer.solution, derivedKey: 'ab'.repeat(32) } },
      { ...answer, challenge: { ...answer.challenge, signature: 'ab'.repeat(32) } },
    ];
    for (const forged of tampered)
      expect(await checkCaptchaAnswer(encode(forged), secrets)).toEqual({ outcome: 'invalid' });
    const otherSecrets = captchaSecrets('another-master-key-of-32-characters-or-more');
    expect(await checkCaptchaAnswer(payload, otherSecrets)).toEqual({ outcome: 'invalid' });
  });

  it.each([
    ['not base64 at all', '%%%'],
    ['base64 of text', Buffer.from('hello').toString('base64')],
    ['null', encode(null)],
    ['an empty object', encode({})],
    ['the widget test mode', encode({ challenge: null, solution: null, test: true })],
    ['a v1 payload', encode({ algorithm: 'SHA-256', challenge: 'ab', number: 1, salt: 'x', signature: 'y', took: 1 })],
    [
      'parameters of the wrong types',
      encode({ challenge: { parameters: { expiresAt: 1e12, nonce: 5 }, signature: 'x' }, solution: {} }),
    ],
  ])('refuses garbage: %s', async (_, payload) => {
    expect(await checkCaptchaAnswer(payload, secrets)).toEqual({ outcome: 'invalid' });
  });

  it('reports a challenge past its expiry (by the wall clock) as expired', async () => {
    const challenge = await createCaptchaChallenge(secrets, new Date(Date.now() - 1000));
    expect(await checkCaptchaAnswer(await solveCaptchaChallenge(challenge), secrets)).toEqual({ outcome: 'expired' });
  });

  it('derives two distinct secrets from the master key, neither equal to it', () => {
    const again = captchaSecrets('a-master-key-of-at-least-32-characters!');
    expect(again).toEqual(secrets);
    expect(secrets.challenge).not.toEqual(secrets.key);
    expect(Object.values(secrets)).not.toContain('a-master-key-of-at-least-32-characters!');
  });
});
