import type { TestingModule } from '@nestjs/testing';
import { Clock, ManualClock, ProblemException } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { ListMembersQueryDto } from '../dto/member-query.dto';
import type { MemberIntakeResult } from '../member-intake';
import { MembersModule } from '../members.module';
import { MembersService } from '../members.service';
import {
  organisationDetails,
  organisationIntake,
  personDetails,
  personIntake,
  representative,
  uniqueEmail,
} from './intake';

describe('members list and detail against the real database', () => {
  let moduleRef: TestingModule;
  let members: MembersService;
  let db: DataSource;
  let planId: string;
  let otherPlanId: string;
  const email = { ada: uniqueEmail('ada'), grace: uniqueEmail('grace'), alan: uniqueEmail('alan') };
  let ada: MemberIntakeResult;
  let engines: MemberIntakeResult;
  let looms: MemberIntakeResult;
  let alan: MemberIntakeResult;

  const query = (fields: Partial<ListMembersQueryDto>) =>
    Object.assign(plainToInstance(ListMembersQueryDto, {}), { planId, ...fields });
  const numbersOf = async (fields: Partial<ListMembersQueryDto>) =>
    (await members.list(query(fields))).items.map((item) => item.number).sort();

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
    moduleRef = await createWorkerTestingModule({
      imports: [MembersModule],
      queues: [],
      configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
    });
    members = moduleRef.get(MembersService);
    db = moduleRef.get(DataSource);
    const plans = moduleRef.get(PlansService);
    const common = { price: { amount: 6000, currency: 'EUR' }, period: { count: 1, unit: 'year' as const } };
    const kinds = ['individual' as const, 'organisation' as const];
    planId = (await plans.create({ code: 'reads-standard', name: 'Standard', applicantKinds: kinds, ...common })).id;
    otherPlanId = (await plans.create({ code: 'reads-premium', name: 'Premium', applicantKinds: kinds, ...common })).id;

    // A minute apart, so "newest first" has one answer.
    const later = () => clock.advance(60_000);
    ada = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email.ada), 'APP-2026-000101'));
    later();
    engines = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails('BE 0123.456.789', [
          representative(email.grace, true, 'Director'),
          representative(email.ada, false, 'Adviser'),
        ]),
      ),
    );
    later();
    looms = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails('FR-552 100 554', [representative(email.ada, true, 'Chair')], {
          legalName: 'Jacquard Looms SARL',
        }),
      ),
    );
    later();
    alan = await members.createOrMatchFromApplication(
      personIntake(otherPlanId, personDetails(email.alan, { firstName: 'Alan', lastName: 'Turing' })),
    );
    await db.query(`UPDATE members SET status = 'member' WHERE id = $1`, [looms.memberId]);
  });
  afterAll(() => moduleRef.close());

  it('lists members newest first with their plan, contact and status, paginated', async () => {
    const page = await members.list(Object.assign(plainToInstance(ListMembersQueryDto, {}), { pageSize: 2 }));
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.items.map((item) => item.id)).toEqual([alan.memberId, looms.memberId]);
    expect(page.items[1]).toEqual({
      id: looms.memberId,
      number: looms.memberNumber,
      kind: 'organisation',
      name: 'Jacquard Looms SARL',
      email: email.ada,
      registrationNumber: 'FR-552 100 554',
      contactPersonId: ada.contact.personId,
      plan: { id: planId, name: 'Standard' },
      status: 'member',
      joinedAt: '2026-03-01T09:02:00.000Z',
    });
    const second = await members.list(Object.assign(new ListMembersQueryDto(), { page: 2, pageSize: 2 }));
    expect(second.items.map((item) => item.id)).toEqual([engines.memberId, ada.memberId]);
  });

  it('filters by kind, status and plan', async () => {
    expect(await numbersOf({ kind: 'person' })).toEqual([ada.memberNumber]);
    expect(await numbersOf({ kind: 'organisation' })).toEqual([engines.memberNumber, looms.memberNumber].sort());
    expect(await numbersOf({ status: 'member' })).toEqual([looms.memberNumber]);
    expect(await numbersOf({ status: 'upcoming', kind: 'organisation' })).toEqual([engines.memberNumber]);
    expect(await numbersOf({ planId: otherPlanId })).toEqual([alan.memberNumber]);
    expect(await numbersOf({ status: 'suspended' })).toEqual([]);
  });

  it('searches member numbers, names, e-mails and registration numbers, case-insensitively', async () => {
    expect(await numbersOf({ q: engines.memberNumber.toLowerCase() })).toEqual([engines.memberNumber]);
    expect(await numbersOf({ q: 'jacquard' })).toEqual([looms.memberNumber]);
    expect(await numbersOf({ q: 'LOVELACE' })).toEqual(
      [ada.memberNumber, engines.memberNumber, looms.memberNumber].sort(),
    );
    expect(await numbersOf({ q: email.grace.toUpperCase() })).toEqual([engines.memberNumber]);
    expect(await numbersOf({ q: '0123.456' })).toEqual([engines.memberNumber]);
    expect(await numbersOf({ q: 'BE0123456789' })).toEqual([engines.memberNumber]);
    expect(await numbersOf({ q: 'turing', planId: otherPlanId })).toEqual([alan.memberNumber]);
    expect(await numbersOf({ q: '100%_' })).toEqual([]);
  });

  it('shows a person member with the organisations they represent and their status history', async () => {
    const detail = await members.get(ada.memberId);
    expect(detail).toMatchObject({
      id: ada.memberId,
      number: ada.memberNumber,
      kind: 'person',
      name: 'Ada Lovelace',
      email: email.ada,
      registrationNumber: null,
      contactPersonId: ada.contact.personId,
      plan: { id: planId, name: 'Standard' },
      status: 'upcoming',
      person: {
        id: ada.contact.personId,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: email.ada,
        phone: '+32 470 12 34 56',
        birthDate: '1990-12-10',
        address: { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' },
        nationality: 'GB',
        locale: 'en',
        professional: { occupation: 'Engineer' },
      },
      organisation: null,
      source: { type: 'application', id: null, reference: 'APP-2026-000101' },
    });
    expect(detail.organisationsRepresented).toEqual([
      {
        organisationId: expect.any(String),
        legalName: 'Engines SA',
        registrationNumber: 'BE 0123.456.789',
        role: 'Adviser',
        isContact: false,
        memberId: engines.memberId,
        memberNumber: engines.memberNumber,
      },
      {
        organisationId: expect.any(String),
        legalName: 'Jacquard Looms SARL',
        registrationNumber: 'FR-552 100 554',
        role: 'Chair',
        isContact: true,
        memberId: looms.memberId,
        memberNumber: looms.memberNumber,
      },
    ]);
    expect(detail.statusHistory).toEqual([
      {
        from: null,
        to: 'upcoming',
        reason: 'Application APP-2026-000101 approved',
        reasonCode: null,
        reasonParams: null,
        at: expect.any(String),
        actor: { kind: 'system', id: null },
      },
    ]);
  });

  it('shows an organisation member with its representatives, the contact first', async () => {
    const detail = await members.get(engines.memberId);
    expect(detail).toMatchObject({
      kind: 'organisation',
      name: 'Engines SA',
      email: email.grace,
      registrationNumber: 'BE 0123.456.789',
      contactPersonId: engines.contact.personId,
      person: null,
      organisationsRepresented: [],
      organisation: {
        legalName: 'Engines SA',
        registrationNumber: 'BE 0123.456.789',
        vatNumber: null,
        website: null,
        address: { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' },
      },
    });
    expect(detail.organisation?.representatives).toEqual([
      expect.objectContaining({
        email: email.grace,
        role: 'Director',
        isContact: true,
        personId: engines.contact.personId,
      }),
      expect.objectContaining({ email: email.ada, role: 'Adviser', isContact: false, personId: ada.contact.personId }),
    ]);
  });

  it('answers 404 for an unknown member', async () => {
    const missing = members.get('00000000-0000-4000-8000-000000000000');
    await expect(missing).rejects.toBeInstanceOf(ProblemException);
    await expect(missing).rejects.toMatchObject({
      problem: { status: 404, type: 'urn:tessera:problem:member-not-found' },
    });
  });
});
