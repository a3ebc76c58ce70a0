import type { TesseraClient } from '@tessera/api-client';
import { solveCaptcha } from '@tessera/testing';
import { personApplication, postApplication } from '../support/applications';
import { pngFile } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { portraitPng } from './sample-files';

/** A plan whose applications go to a one-level flow that `approverId` decides alone, made over the API. */
export async function planDecidedBy(
  admin: TesseraClient,
  approverId: string,
  names: { flow: string; level: string; planCode: string; planName: string },
): Promise<{ flowId: string; planId: string }> {
  const flow = await admin.POST('/api/v1/approval-flows', {
    body: {
      name: names.flow,
      subjectType: 'application',
      levels: [{ name: names.level, approverUserIds: [approverId], policy: 'any', dueInDays: 5 }],
    },
  });
  expect(flow.response.status).toBe(201);
  const plan = await admin.POST('/api/v1/plans', {
    body: {
      code: names.planCode,
      name: names.planName,
      applicantKinds: ['individual'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      approvalFlowId: flow.data!.id,
    },
  });
  expect(plan.response.status).toBe(201);
  return { flowId: flow.data!.id, planId: plan.data!.id };
}

/**
 * A person applies through the public form with a photo and a signature; returns once the
 * worker has sent the confirmation and opened the approval request.
 */
export async function applyWithPhotoAndSignature(
  stack: Stack,
  planId: string,
  person: { email: string; firstName: string; lastName: string },
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
