import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { ApprovalService } from '@tessera/approval';
import { PaymentsService } from '@tessera/billing';
import { Clock, ManualClock, type Principal, type Role } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import { SignedInPersonModule } from '@tessera/portal-users';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { CooperativeModule } from '../cooperative.module';
import { ShareClassesService } from '../share-classes/share-classes.service';
import type { ShareClassDto } from '../share-classes/share-class.dto';
import { ShareSubscriptionsService } from '../share-subscriptions/share-subscriptions.service';

export interface Booted {
  moduleRef: TestingModule;
  db: DataSource;
  clock: ManualClock;
  classA: ShareClassDto;
  classB: ShareClassDto;
  officer: Principal & { kind: 'user' };
}

/** The cooperative domain on the real database, a clock at 2 March 2026, an officer, classes A and B. */
export async function bootCooperative(): Promise<Booted> {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  const moduleRef = await createWorkerTestingModule({
    imports: [SignedInPersonModule, CooperativeModule],
    queues: [],
    env: { PUBLIC_URL: 'https://tessera.test' },
    configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
  const db = moduleRef.get(DataSource);
  const plan = await moduleRef.get(PlansService).create({
    applicantKinds: ['individual', 'organisation'],
    period: { count: 1, unit: 'year' },
    code: 'cooperator',
    name: 'Cooperator',
    price: { amount: 0, currency: 'EUR' },
  } as never);
  const classes = moduleRef.get(ShareClassesService);
  const common = { holderKinds: ['individual', 'organisation'] as const, makesMember: true, planId: plan.id };
  const classA = await classes.create({
    ...common,
    holderKinds: ['individual', 'organisation'],
    code: 'A',
    name: 'Founder shares',
    unitPrice: { amount: 25000, currency: 'EUR' },
    minShares: 1,
  });
  const classB = await classes.create({
    ...common,
    holderKinds: ['individual', 'organisation'],
    code: 'B',
    name: 'Supporter shares',
    unitPrice: { amount: 2500, currency: 'EUR' },
    minShares: 1,
    maxShares: 40,
  });
  const officer = await createUser(db, 'Olga Officer', ['officer']);
  return { moduleRef, db, clock, classA, classB, officer: officer.principal };
}

let counter = 0;

export async function createUser(db: DataSource, name: string, roles: Role[]) {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}@example.test`;
  const [{ id }] = (await db.query(
    `INSERT INTO users (email, name, roles, locale, active) VALUES ($1, $2, $3, 'en', true) RETURNING id`,
    [email, name, roles],
  )) as { id: string }[];
  return { id, email, principal: { kind: 'user' as const, userId: id, sessionId: randomUUID(), roles } };
}

export const approve = (moduleRef: TestingModule, approvalId: string, officer: Principal) =>
  moduleRef.get(ApprovalService).approve(approvalId, officer, null);

let people = 0;

/** A new person's details, unique in the run. */
export function newPerson(firstName: string) {
  people += 1;
  return { firstName, lastName: `Holder ${people}`, email: `${firstName.toLowerCase()}.h${people}@example.test` };
}

/** An organisation's details, unique in the run, its contact a new person. */
export function newOrganisation(legalName: string) {
  people += 1;
  const contact = newPerson('Rita');
  return {
    organisation: {
      legalName: `${legalName} ${people}`,
      registrationNumber: `BE0${String(people).padStart(3, '0')}.111.222`,
      address: { line1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      representatives: [{ ...contact, role: 'Director', isContact: true }],
    },
    contact,
  };
}

/**
 * A person (or, with `organisation`, an organisation of that name) who subscribed `quantity`
 * shares of a class, approved, and (unless `paid` is false) paid on `paidOn`: a cooperator holding
 * them (or a candidate). Answers with its member id, the e-mail it is written to and its name.
 */
export async function subscribedHolder(
  booted: Booted,
  shareClassId: string,
  quantity: number,
  options: { firstName?: string; organisation?: string; paid?: boolean; paidOn?: string } = {},
): Promise<{ memberId: string; email: string; name: string }> {
  const subscriptions = booted.moduleRef.get(ShareSubscriptionsService);
  const common = { shareClassId, quantity, iban: 'BE71 0961 2345 6769', locale: 'en' as const, consent: true };
  const company = options.organisation ? newOrganisation(options.organisation) : null;
  const person = company?.contact ?? newPerson(options.firstName ?? 'Hana');
  const made = await subscriptions.submit(
    company
      ? { ...common, kind: 'organisation', organisation: company.organisation }
      : { ...common, kind: 'individual', person },
    booted.officer,
  );
  await approve(booted.moduleRef, made.approvalRequestId!, booted.officer);
  const approved = await subscriptions.get(made.id);
  if (options.paid !== false)
    await booted.moduleRef.get(PaymentsService).record({
      memberId: approved.holder.memberId!,
      amount: approved.amount.amount,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: options.paidOn ?? '2026-03-02',
      allocations: [{ documentId: approved.capitalReleaseRequest!.id, amount: approved.amount.amount }],
    });
  const name = company?.organisation.legalName ?? `${person.firstName} ${person.lastName}`;
  return { memberId: approved.holder.memberId!, email: person.email, name };
}
