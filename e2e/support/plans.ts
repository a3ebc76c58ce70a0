import type { TesseraClient } from '@tessera/api-client';

/**
 * The journeys' usual plan: individuals, €60 a year, optionally decided by an approval flow.
 * Created by `admin`; resolves to its id.
 */
export async function createYearlyPlan(
  admin: TesseraClient,
  plan: { code: string; name: string; approvalFlowId?: string; documentsRequired?: number; documentsHint?: string },
): Promise<string> {
  const created = await admin.POST('/api/v1/plans', {
    body: {
      ...plan,
      applicantKinds: ['individual'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    },
  });
  expect(created.response.status).toBe(201);
  return created.data!.id;
}
