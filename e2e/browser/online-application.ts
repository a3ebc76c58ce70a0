import { solveCaptcha } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { portraitPng } from './sample-files';

/**
 * A person's complete online application (a photo, a signature and a solved captcha) sent over
 * HTTP, once the worker has taken it in (confirmation e-mail and approval request).
 */
export async function applyOnline(
  stack: Stack,
  planId: string,
  person: { firstName: string; lastName: string; email: string },
): Promise<{ id: string; reference: string }> {
  const answer = await postApplication(stack.baseUrl, [
    personApplication(planId, person),
    { field: 'photo', value: portraitPng(), filename: 'photo.png', type: 'image/png' },
    { field: 'signature', value: pngFile(300, 100, [0, 0, 0]), filename: 'signature.png', type: 'image/png' },
    { field: 'altcha', value: await solveCaptcha(stack.baseUrl) },
  ]);
  expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 201, errors: undefined });
  await stack.intakesSettled();
  return answer.body as { id: string; reference: string };
}
