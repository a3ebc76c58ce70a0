import type { Schemas, TesseraClient } from '@tessera/api-client';

/** What a journey's plan sets beyond the usual (€60 a year, for individuals). */
export type JourneyPlan = Pick<Schemas['CreatePlanDto'], 'code' | 'name'> & Partial<Schemas['CreatePlanDto']>;

/**
 * The journeys' usual plan: individuals, €60 a year, optionally decided by an approval flow; any
 * field of the plan may be set otherwise. Created by `admin`; resolves to its id.
 */
export async function createYearlyPlan(admin: TesseraClient, plan: JourneyPlan): Promise<string> {
  const created = await admin.POST('/api/v1/plans', {
    body: {
      applicantKinds: ['individual'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      ...plan,
    },
  });
  expect(created.response.status).toBe(201);
  return created.data!.id;
}
