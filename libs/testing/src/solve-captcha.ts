import { solveCaptchaChallenge } from '@tessera/core';

/**
 * Does what the altcha widget does in the browser: fetches a challenge from the API at `baseUrl`
 * (its origin, e.g. Stack.baseUrl) and solves it. Returns the value for the form field `altcha`.
 */
export async function solveCaptcha(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/captcha/challenge`);
  if (!response.ok) throw new Error(`GET /api/v1/captcha/challenge answered ${response.status}`);
  return solveCaptchaChallenge((await response.json()) as Record<string, unknown>);
}
