import type { Schemas, TesseraClient } from '@tessera/api-client';

type Document = { id: string; amount: Schemas['MoneyDto'] };

/**
 * The co-operative specs' class B: supporter shares at €25, 1 to 40 a holder, for individuals and
 * organisations, making its holders members of a free "Cooperator" plan. Created by `admin`.
 */
export async function createSupporterClass(admin: TesseraClient): Promise<Schemas['ShareClassDto']> {
  const plan = await admin.POST('/api/v1/plans', {
    body: {
      code: 'cooperator',
      name: 'Cooperator',
      applicantKinds: ['individual', 'organisation'],
      price: { amount: 0, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      taxRateBps: 0,
    },
  });
  const created = await admin.POST('/api/v1/share-classes', {
    body: {
      code: 'B',
      name: 'Supporter shares',
      unitPrice: { amount: 2500, currency: 'EUR' },
      minShares: 1,
      maxShares: 40,
      holderKinds: ['individual', 'organisation'],
      makesMember: true,
      planId: plan.data!.id,
    },
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
