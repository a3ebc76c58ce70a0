import { randomUUID } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService } from '@tessera/billing';
import { Clock, ManualClock, type Principal, type Role } from '@tessera/core';
import { MembersService, SignedInPerson } from '@tessera/members';
import { PlansService, type PlanDto } from '@tessera/plans';
import { SubscriptionService } from '@tessera/subscription';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { MemberRequestsModule } from '../member-requests.module';

/** In these tests a user is the person with their e-mail (the app links them through portal accounts). */
@Global()
@Module({
  providers: [
    {
      provide: SignedInPerson,
      useValue: {
        personOf: {
          name: 'test-person',
          sql: (p: string) =>
            `(SELECT tp.id FROM persons tp JOIN users tu ON lower(tu.email) = lower(tp.email) WHERE tu.id = ${p}::uuid)`,
        },
      } satisfies SignedInPerson,
    },
  ],
  exports: [SignedInPerson],
})
class TestSignedInPersonModule {}

export interface Booted {
  moduleRef: TestingModule;
  db: DataSource;
  clock: ManualClock;
  basic: PlanDto;
  plus: PlanDto;
  officer: Principal & { kind: 'user' };
}

/** Member requests on the real database, a clock at 2 March 2026, an officer, and two yearly plans. */
export async function bootMemberRequests(): Promise<Booted> {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const moduleRef = await createWorkerTestingModule({
    imports: [TestSignedInPersonModule, MemberRequestsModule],
    queues: [],
    env: { PUBLIC_URL: 'https://tessera.test' },
    configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
  const db = moduleRef.get(DataSource);
  const plans = moduleRef.get(PlansService);
  const yearly = { applicantKinds: ['individual'], period: { count: 1, unit: 'year' }, renewalLeadDays: 30 };
  const basic = await plans.create({
    ...yearly,
    code: 'basic',
    name: 'Basic',
    price: { amount: 6000, currency: 'EUR' },
  } as never);
  const plus = await plans.create({
    ...yearly,
    code: 'plus',
    name: 'Plus',
    price: { amount: 12000, currency: 'EUR' },
  } as never);
  const officer = await createUser(db, 'Olga Officer', ['officer']);
  return { moduleRef, db, clock, basic, plus, officer: officer.principal };
}

let counter = 0;

export async function createUser(db: DataSource, name: string, roles: Role[], email?: string) {
  counter += 1;
  const address = email ?? `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}@example.test`;
  const [{ id }] = (await db.query(
    `INSERT INTO users (email, name, roles, locale, active) VALUES ($1, $2, $3, 'en', true) RETURNING id`,
    [address, name, roles],
  )) as { id: string }[];
  return { id, email: address, principal: { kind: 'user' as const, userId: id, sessionId: randomUUID(), roles } };
}

/** A member on `planId` since `startDate`, first invoice paid, with a user to sign in as. */
export async function activeMember(booted: Booted, planId: string, startDate = '2026-01-10') {
  counter += 1;
  const email = `member.${counter}@example.test`;
  const { memberId } = await booted.moduleRef.get(MembersService).createOrMatchFromApplication({
    kind: 'person',
    planId,
    locale: 'en',
    source: { type: 'staff', id: null, reference: null },
    person: { firstName: 'Mia', lastName: `Member ${counter}`, email },
  });
  const outcome = await booted.moduleRef.get(SubscriptionService).subscribe({
    memberId,
    planId,
    startDate,
    origin: { type: 'staff', id: null, reference: null },
  });
  if (!outcome.created) throw new Error('expected a subscription');
  await booted.moduleRef.get(BillingDocumentsService).allocate(outcome.invoice.id, outcome.invoice.grossAmount, null);
  const user = await createUser(booted.db, `Mia Member ${counter}`, ['member'], email);
  return { memberId, subscriptionId: outcome.subscriptionId, principal: user.principal, userId: user.id };
}

/** The approval request deciding a member request. */
export async function approvalOf(db: DataSource, requestId: string): Promise<string> {
  const [row] = (await db.query(`SELECT approval_request_id AS id FROM member_requests WHERE id = $1`, [
    requestId,
  ])) as {
    id: string;
  }[];
  return row.id;
}

export const approve = (moduleRef: TestingModule, approvalId: string, officer: Principal) =>
  moduleRef.get(ApprovalService).approve(approvalId, officer, null);
