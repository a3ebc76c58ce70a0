import { hkdfSync, randomInt } from 'node:crypto';
import { createChallenge, solveChallenge, verifySolution, type Challenge, type Solution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';

/*
 * ALTCHA, protocol v2: altcha-lib's root export (the legacy v1 scheme — find a number whose
 * SHA hash matches — is `altcha-lib/v1`). The `altcha` 3.x widget in apps/web speaks v2 natively:
 * it fetches `{parameters, signature}`, searches for the counter whose derived key starts with
 * `parameters.keyPrefix`, and submits base64(JSON {challenge: {parameters, signature}, solution:
 * {counter, derivedKey, time}}) in the form field `altcha`. It would also accept a v1 challenge
 * (recognised by a top-level `challenge` key) and answer in v1's format; we serve v2 only, so
 * there is one protocol to verify.
 *
 * Deterministic mode: the server picks the counter, so the work is bounded, and signs the key it
 * leads to (`keySignature`), so checking an answer costs one HMAC, not a key derivation.
 * PBKDF2/SHA-256 is in the widget's default build (WebCrypto) and in node:crypto.
 */
const ALGORITHM = 'PBKDF2/SHA-256';
/** PBKDF2 iterations per attempt. */
const COST = 1_000;
/** The answer is a counter in this range: on average some 4 million iterations, about a second in a browser. */
const COUNTER = { min: 2_000, max: 6_000 };

/** Two keys, each used for one purpose only: signing challenges, and signing the expected key. */
export interface CaptchaSecrets {
  challenge: string;
  key: string;
}

export function captchaSecrets(masterKey: string): CaptchaSecrets {
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync('sha256', masterKey, '', `tessera captcha ${purpose}`, 32)).toString('hex');
  return { challenge: derive('challenge signature'), key: derive('key signature') };
}

export async function createCaptchaChallenge(
  secrets: CaptchaSecrets,
  expiresAt: Date,
): Promise<Record<string, unknown>> {
  const challenge = await createChallenge({
    algorithm: ALGORITHM,
    cost: COST,
    counter: randomInt(COUNTER.min, COUNTER.max),
    deriveKey,
    expiresAt,
    hmacSignatureSecret: secrets.challenge,
    hmacKeySignatureSecret: secrets.key,
  });
  return { parameters: challenge.parameters, signature: challenge.signature };
}

export type CaptchaVerdict =
  { outcome: 'invalid' | 'expired' } | { outcome: 'solved'; signature: string; expiresAt: Date };

/** Checks an `altcha` payload: signed by us, not expired (by the wall clock), and solved. */
export async function checkCaptchaAnswer(payload: string, secrets: CaptchaSecrets): Promise<CaptchaVerdict> {
  const answer = decode(payload);
  if (!answer || typeof answer.challenge.parameters.expiresAt !== 'number') return { outcome: 'invalid' };
  const result = await verifySolution({
    ...answer,
    deriveKey,
    hmacSignatureSecret: secrets.challenge,
    hmacKeySignatureSecret: secrets.key,
  }).catch(() => null); // parameters a forger shaped to make the library throw
  if (result?.expired) return { outcome: 'expired' };
  if (!result?.verified) return { outcome: 'invalid' };
  return {
    outcome: 'solved',
    signature: answer.challenge.signature as string,
    expiresAt: new Date(answer.challenge.parameters.expiresAt * 1000),
  };
}

/**
 * Solves a challenge as the widget does and returns the `altcha` payload — for tests and scripts.
 * Runs interleaved searches in parallel (PBKDF2 runs on libuv's thread pool).
 */
export async function solveCaptchaChallenge(challenge: Record<string, unknown>, lanes = 4): Promise<string> {
  const controller = new AbortController();
  const found = await Promise.all(
    Array.from({ length: lanes }, (_, lane) =>
      solveChallenge({
        challenge: challenge as unknown as Challenge,
        deriveKey,
        controller,
        counterStart: lane,
        counterStep: lanes,
      }).then((solution) => {
        if (solution) controller.abort();
        return solution;
      }),
    ),
  );
  const solution = found.find((candidate): candidate is Solution => candidate !== null);
  if (!solution) throw new Error('The captcha challenge could not be solved');
  const { parameters, signature } = challenge;
  return Buffer.from(JSON.stringify({ challenge: { parameters, signature }, solution })).toString('base64');
}

interface Answer {
  challenge: Challenge;
  solution: Solution;
}

function decode(payload: string): Answer | null {
  try {
    const answer = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Partial<Answer> | null;
    const challenge = answer?.challenge;
    if (!isObject(challenge?.parameters) || typeof challenge.signature !== 'string' || !isObject(answer?.solution)) {
      return null;
    }
    return answer as Answer;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
