import type { Schemas, TesseraClient } from '@tessera/api-client';
import { createYearlyPlan } from './plans';

type Document = { id: string; amount: Schemas['MoneyDto'] };

/** The free yearly "Cooperator" plan, for individuals and organisations, a share class makes members of. */
export function createCooperatorPlan(admin: TesseraClient): Promise<string> {
  return createYearlyPlan(admin, {
    code: 'cooperator',
    name: 'Cooperator',
    applicantKinds: ['individual', 'organisation'],
    price: { amount: 0, currency: 'EUR' },
    taxRateBps: 0,
  });
}

/** Class B's definition, its holders made members of that plan. */
export const supporterClass = (planId: string): Schemas['CreateShareClassDto'] => ({
  code: 'B',
  name: 'Supporter shares',
  unitPrice: { amount: 2500, currency: 'EUR' },
  minShares: 1,
  maxShares: 40,
  holderKinds: ['individual', 'organisation'],
  makesMember: true,
  planId,
});

/**
 * The co-operative specs' class B: supporter shares at €25, 1 to 40 a holder, for individuals and
 * organisations, making its holders members of the "Cooperator" plan. Created by `admin`.
 */
export async function createSupporterClass(admin: TesseraClient): Promise<Schemas['ShareClassDto']> {
  const created = await admin.POST('/api/v1/share-classes', {
    body: supporterClass(await createCooperatorPlan(admin)),
  });
  expect(created.response.status).toBe(201);
  return created.data!;
}

/** Finance records a bank transfer of a member paying a document (a capital release request) in full. */
export async function payInFull(finance: TesseraClient, memberId: string, document: Document, date: string) {
  const paid = await finance.POST('/api/v1/payments', {
    body: {
      memberId,
      amount: document.amount,
      method: 'bank-transfer',
      date,
      allocations: [{ documentId: document.id, amount: document.amount.amount }],
    },
  });
  expect(paid.response.status).toBe(201);
}
