import type { TestingModule } from '@nestjs/testing';
import { Transactions } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { MembersModule } from '../members.module';
import { MembersService } from '../members.service';
import {
  organisationDetails,
  organisationIntake,
  personDetails,
  personIntake,
  representative,
  uniqueEmail,
  uniqueRegistrationNumber,
} from './intake';

describe('MembersService.createOrMatchFromApplication against the real database', () => {
  let moduleRef: TestingModule;
  let members: MembersService;
  let transactions: Transactions;
  let db: DataSource;
  let planId: string;
  let otherPlanId: string;

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => ((await db.query(sql, params)) as T[])[0];
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await one<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).n;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [MembersModule], queues: [] });
    members = moduleRef.get(MembersService);
    transactions = moduleRef.get(Transactions);
    db = moduleRef.get(DataSource);
    const plans = moduleRef.get(PlansService);
    const common = { price: { amount: 6000, currency: 'EUR' }, period: { count: 1, unit: 'year' as const } };
    planId = (
      await plans.create({
        code: 'int-standard',
        name: 'Standard',
        applicantKinds: ['individual', 'organisation'],
        ...common,
      })
    ).id;
    otherPlanId = (
      await plans.create({
        code: 'int-premium',
        name: 'Premium',
        applicantKinds: ['individual', 'organisation'],
        ...common,
      })
    ).id;
  });
  afterAll(() => moduleRef.close());

  it('creates a person, an upcoming member numbered from the sequence, and its first status change', async () => {
    const email = uniqueEmail('ada');
    const before = Date.now();
    const result = await members.createOrMatchFromApplication({
      ...personIntake(planId, personDetails(email), 'APP-2026-000042'),
      actor: { kind: 'user', id: '00000000-0000-4000-8000-000000000001' },
    });

    expect(result).toEqual({
      memberId: expect.any(String),
      memberNumber: expect.stringMatching(/^M-\d{6}$/),
      created: true,
      contact: { personId: expect.any(String), email, name: 'Ada Lovelace', locale: 'en' },
    });
    const member = await one<Record<string, unknown>>(`SELECT * FROM members WHERE id = $1`, [result.memberId]);
    expect(member).toMatchObject({
      number: result.memberNumber,
      kind: 'person',
      person_id: result.contact.personId,
      organisation_id: null,
      plan_id: planId,
      status: 'upcoming',
      source_type: 'application',
      source_reference: 'APP-2026-000042',
    });
    expect((member.joined_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(
      await one(`SELECT *, birth_date::text AS birth_date FROM persons WHERE id = $1`, [result.contact.personId]),
    ).toMatchObject({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email,
      phone: '+32 470 12 34 56',
      birth_date: '1990-12-10',
      address: { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' },
      nationality: 'GB',
      locale: 'en',
      professional: { occupation: 'Engineer' },
    });
    expect(await db.query(`SELECT * FROM member_status_changes WHERE member_id = $1`, [result.memberId])).toEqual([
      expect.objectContaining({
        from_status: null,
        to_status: 'upcoming',
        reason: 'Application APP-2026-000042 approved',
        actor_kind: 'user',
        actor_id: '00000000-0000-4000-8000-000000000001',
      }),
    ]);
  });

  it('numbers members one after the other', async () => {
    const first = await members.createOrMatchFromApplication(personIntake(planId, personDetails(uniqueEmail())));
    const second = await members.createOrMatchFromApplication(personIntake(planId, personDetails(uniqueEmail())));
    expect(Number(second.memberNumber.slice(2))).toBe(Number(first.memberNumber.slice(2)) + 1);
  });

  it('matches an existing person by e-mail whatever its case and spaces, takes the new plan, overwrites nothing', async () => {
    const email = uniqueEmail('match');
    const first = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));
    const again = await members.createOrMatchFromApplication({
      ...personIntake(
        otherPlanId,
        personDetails(`  ${email.toUpperCase()} `, { firstName: 'Augusta', phone: '+44 20 7946 0000' }),
      ),
      locale: 'fr',
    });

    expect(again).toEqual({ ...first, created: false });
    expect(await count(`persons WHERE email = $1`, [email])).toBe(1);
    expect(await one(`SELECT plan_id, status FROM members WHERE id = $1`, [first.memberId])).toEqual({
      plan_id: otherPlanId,
      status: 'upcoming',
    });
    expect(await one(`SELECT first_name, phone, locale FROM persons WHERE email = $1`, [email])).toEqual({
      first_name: 'Ada',
      phone: '+32 470 12 34 56',
      locale: 'en',
    });
    expect(await count(`member_status_changes WHERE member_id = $1`, [first.memberId])).toBe(1);
  });

  it('fills in what a matched person lacks (a representative who now applies personally)', async () => {
    const email = uniqueEmail('representative');
    await members.createOrMatchFromApplication(
      organisationIntake(planId, organisationDetails(uniqueRegistrationNumber(), [representative(email, true)])),
    );
    const before = await one<{ birth_date: string | null; updated_at: Date }>(
      `SELECT birth_date::text, updated_at FROM persons WHERE email = $1`,
      [email],
    );
    expect(before.birth_date).toBeNull();

    const personal = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));

    expect(personal.created).toBe(true);
    const after = await one<Record<string, unknown>>(
      `SELECT *, birth_date::text AS birth_date FROM persons WHERE email = $1`,
      [email],
    );
    expect(after).toMatchObject({
      first_name: 'Grace',
      birth_date: '1990-12-10',
      nationality: 'GB',
      phone: '+32 470 12 34 56',
      professional: { occupation: 'Engineer' },
    });
    expect((after.updated_at as Date).getTime()).toBeGreaterThanOrEqual(before.updated_at.getTime());
  });

  it('creates an organisation with two representatives, exactly one of them its contact', async () => {
    const registrationNumber = uniqueRegistrationNumber();
    const contactEmail = uniqueEmail('contact');
    const otherEmail = uniqueEmail('treasurer');
    const result = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails(
          registrationNumber,
          [
            representative(otherEmail, false, 'Treasurer'),
            representative(contactEmail.toUpperCase(), true, 'Director'),
          ],
          { vatNumber: 'BE0123456789', website: 'https://engines.example' },
        ),
      ),
    );

    expect(result).toMatchObject({
      created: true,
      contact: { email: contactEmail, name: 'Grace Hopper Director', locale: 'fr' },
    });
    const organisation = await one<{ id: string; registration_key: string; registration_number: string }>(
      `SELECT o.* FROM organisations o JOIN members m ON m.organisation_id = o.id WHERE m.id = $1`,
      [result.memberId],
    );
    expect(organisation).toMatchObject({
      registration_number: registrationNumber,
      registration_key: registrationNumber.replace(/[^A-Z0-9]/g, ''),
      vat_number: 'BE0123456789',
      website: 'https://engines.example',
    });
    expect(
      await db.query(
        `SELECT p.email, r.role, r.is_contact FROM representations r JOIN persons p ON p.id = r.person_id
         WHERE r.organisation_id = $1 ORDER BY r.is_contact DESC`,
        [organisation.id],
      ),
    ).toEqual([
      { email: contactEmail, role: 'Director', is_contact: true },
      { email: otherEmail, role: 'Treasurer', is_contact: false },
    ]);
    expect(await one(`SELECT kind, person_id, status FROM members WHERE id = $1`, [result.memberId])).toEqual({
      kind: 'organisation',
      person_id: null,
      status: 'upcoming',
    });
  });

  it('matches an organisation by its registration number however it is written, and moves the contact', async () => {
    const digits = `0${String(Date.now()).slice(-9)}`;
    const [oldContact, newContact] = [uniqueEmail('old-contact'), uniqueEmail('new-contact')];
    const first = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails(`BE ${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`, [
          representative(oldContact, true),
        ]),
      ),
    );
    const again = await members.createOrMatchFromApplication(
      organisationIntake(
        otherPlanId,
        organisationDetails(`be${digits}`, [representative(oldContact, false), representative(newContact, true)], {
          legalName: 'Renamed SA',
        }),
      ),
    );

    expect(again).toMatchObject({ memberId: first.memberId, memberNumber: first.memberNumber, created: false });
    expect(again.contact.email).toBe(newContact);
    const organisationId = (
      await one<{ organisation_id: string }>(`SELECT organisation_id FROM members WHERE id = $1`, [first.memberId])
    ).organisation_id;
    expect(await one(`SELECT legal_name FROM organisations WHERE id = $1`, [organisationId])).toEqual({
      legal_name: 'Engines SA',
    });
    expect(
      await db.query(
        `SELECT p.email, r.is_contact FROM representations r JOIN persons p ON p.id = r.person_id
         WHERE r.organisation_id = $1 ORDER BY p.email`,
        [organisationId],
      ),
    ).toEqual(
      [
        { email: newContact, is_contact: true },
        { email: oldContact, is_contact: false },
      ].sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it('keeps one person who represents two organisations and is also a member personally', async () => {
    const email = uniqueEmail('busy');
    const personal = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));
    const firstOrganisation = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails(uniqueRegistrationNumber(), [representative(email.toUpperCase(), true)]),
      ),
    );
    const secondOrganisation = await members.createOrMatchFromApplication(
      organisationIntake(
        planId,
        organisationDetails(uniqueRegistrationNumber(), [
          representative(uniqueEmail(), true),
          representative(` ${email}`, false, 'Adviser'),
        ]),
      ),
    );

    expect(new Set([personal.memberId, firstOrganisation.memberId, secondOrganisation.memberId]).size).toBe(3);
    expect(firstOrganisation.contact.personId).toBe(personal.contact.personId);
    expect(await count(`persons WHERE email = $1`, [email])).toBe(1);
    expect(await count(`representations WHERE person_id = $1`, [personal.contact.personId])).toBe(2);
    expect(await count(`members WHERE person_id = $1`, [personal.contact.personId])).toBe(1);
  });

  it('gives ten concurrent approvals for one e-mail one person and one member', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        members.createOrMatchFromApplication(
          personIntake(planId, personDetails(index % 2 ? email.toUpperCase() : ` ${email}`), `APP-2026-1000${index}`),
        ),
      ),
    );

    expect(new Set(results.map((result) => result.memberId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await count(`persons WHERE email = $1`, [email])).toBe(1);
    expect(await count(`members m JOIN persons p ON p.id = m.person_id WHERE p.email = $1`, [email])).toBe(1);
    expect(await count(`member_status_changes WHERE member_id = $1`, [results[0].memberId])).toBe(1);
  });

  it('gives ten concurrent approvals for one organisation one organisation, one member and one contact', async () => {
    const registrationNumber = uniqueRegistrationNumber();
    const [contact, other] = [uniqueEmail('race-contact'), uniqueEmail('race-other')];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        members.createOrMatchFromApplication(
          organisationIntake(
            planId,
            organisationDetails(index % 2 ? registrationNumber.toLowerCase() : registrationNumber, [
              representative(other, false),
              representative(contact, true),
            ]),
          ),
        ),
      ),
    );

    expect(new Set(results.map((result) => result.memberId)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const key = registrationNumber.replace(/[^A-Z0-9]/g, '');
    expect(await count(`organisations WHERE registration_key = $1`, [key])).toBe(1);
    expect(await count(`persons WHERE email IN ($1, $2)`, [contact, other])).toBe(2);
    expect(
      await db.query(
        `SELECT count(*)::int AS links, count(*) FILTER (WHERE r.is_contact)::int AS contacts
         FROM representations r JOIN organisations o ON o.id = r.organisation_id WHERE o.registration_key = $1`,
        [key],
      ),
    ).toEqual([{ links: 2, contacts: 1 }]);
  });

  it("runs inside the caller's transaction: visible there, gone when it rolls back", async () => {
    const email = uniqueEmail('rollback');
    const numberBefore = await count(`members`);
    await expect(
      transactions.run(async (manager) => {
        const result = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));
        expect(await manager.query(`SELECT id FROM members WHERE id = $1`, [result.memberId])).toHaveLength(1);
        // Another connection cannot see it before the caller commits.
        expect(await db.query(`SELECT id FROM members WHERE id = $1`, [result.memberId])).toHaveLength(0);
        throw new Error('the approval failed after the member was created');
      }),
    ).rejects.toThrow('the approval failed');

    expect(await count(`persons WHERE email = $1`, [email])).toBe(0);
    expect(await count(`members`)).toBe(numberBefore);
  });

  it('brings an ex-member back as upcoming, with the change recorded', async () => {
    const email = uniqueEmail('rejoin');
    const first = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));
    await db.query(`UPDATE members SET status = 'ex-member' WHERE id = $1`, [first.memberId]);

    const again = await members.createOrMatchFromApplication(
      personIntake(planId, personDetails(email), 'APP-2026-000099'),
    );

    expect(again).toMatchObject({ memberId: first.memberId, created: false });
    expect(await one(`SELECT status FROM members WHERE id = $1`, [first.memberId])).toEqual({ status: 'upcoming' });
    expect(
      await db.query(
        `SELECT from_status, to_status, reason, actor_kind FROM member_status_changes WHERE member_id = $1 ORDER BY seq`,
        [first.memberId],
      ),
    ).toEqual([
      {
        from_status: null,
        to_status: 'upcoming',
        reason: 'Application APP-2026-000001 approved',
        actor_kind: 'system',
      },
      {
        from_status: 'ex-member',
        to_status: 'upcoming',
        reason: 'Application APP-2026-000099 approved',
        actor_kind: 'system',
      },
    ]);
  });

  it('leaves the status of a paying member alone when matched', async () => {
    const email = uniqueEmail('paying');
    const first = await members.createOrMatchFromApplication(personIntake(planId, personDetails(email)));
    await db.query(`UPDATE members SET status = 'member' WHERE id = $1`, [first.memberId]);

    await members.createOrMatchFromApplication(personIntake(otherPlanId, personDetails(email)));

    expect(await one(`SELECT status, plan_id FROM members WHERE id = $1`, [first.memberId])).toEqual({
      status: 'member',
      plan_id: otherPlanId,
    });
    expect(await count(`member_status_changes WHERE member_id = $1`, [first.memberId])).toBe(1);
  });

  it('refuses an unknown plan and an organisation without one contact, storing nothing', async () => {
    const email = uniqueEmail('refused');
    await expect(
      members.createOrMatchFromApplication(personIntake('00000000-0000-4000-8000-00000000dead', personDetails(email))),
    ).rejects.toThrow('No plan has the id');
    await expect(
      members.createOrMatchFromApplication(
        organisationIntake(planId, organisationDetails(uniqueRegistrationNumber(), [representative(email, false)])),
      ),
    ).rejects.toThrow('exactly one contact representative');
    expect(await count(`persons WHERE email = $1`, [email])).toBe(0);
  });
});
