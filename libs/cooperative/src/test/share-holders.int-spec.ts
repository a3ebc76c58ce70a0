import { MembersService } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import { ShareClassesService } from '../share-classes/share-classes.service';
import type { CreateShareSubscriptionDto, ShareSubscriptionDto } from '../share-subscriptions/share-subscription.dto';
import { ShareSubscriptionsService } from '../share-subscriptions/share-subscriptions.service';
import { approve, bootCooperative, type Booted } from './cooperative-testing';

/**
 * Holders without duplicates (issue 18's anchor problem): whoever a request names — a new person,
 * a member, an organisation whose representative is that member — approval makes or matches one
 * person record, one member record per party and one portal account per person, also when the
 * approvals run at the same time.
 */
describe('share holders: made or matched, never duplicated', () => {
  let booted: Booted;
  let subscriptions: ShareSubscriptionsService;
  let n = 0;

  beforeAll(async () => {
    booted = await bootCooperative();
    subscriptions = booted.moduleRef.get(ShareSubscriptionsService);
  });
  afterAll(() => booted.moduleRef.close());

  const unique = (name: string) => {
    n += 1;
    return `${name}.${n}@example.test`;
  };
  const common = { iban: 'BE71 0961 2345 6769', locale: 'en' as const, consent: true };
  const asPerson = (email: string, firstName = 'Pat'): CreateShareSubscriptionDto => ({
    ...common,
    kind: 'individual',
    shareClassId: booted.classB.id,
    quantity: 2,
    person: { firstName, lastName: 'Holder', email },
  });
  const asCompany = (registrationNumber: string, representativeEmail: string): CreateShareSubscriptionDto => ({
    ...common,
    kind: 'organisation',
    shareClassId: booted.classB.id,
    quantity: 10,
    organisation: {
      legalName: `Company ${registrationNumber}`,
      registrationNumber,
      address: { line1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
      representatives: [
        {
          firstName: 'Pat',
          lastName: 'Holder',
          email: representativeEmail.toUpperCase(),
          role: 'Director',
          isContact: true,
        },
        { firstName: 'Sam', lastName: 'Second', email: unique('sam'), role: 'Treasurer', isContact: false },
      ],
    },
  });
  const approveAll = async (made: ShareSubscriptionDto[]) => {
    await Promise.all(made.map((m) => approve(booted.moduleRef, m.approvalRequestId!, booted.officer)));
    return Promise.all(made.map((m) => subscriptions.get(m.id)));
  };
  const countsFor = async (email: string) => {
    const [row] = await booted.db.query(
      `SELECT (SELECT count(*)::int FROM persons WHERE email = $1) AS persons,
              (SELECT count(*)::int FROM members m JOIN persons p ON p.id = m.person_id WHERE p.email = $1) AS members,
              (SELECT count(*)::int FROM users WHERE lower(email) = $1) AS users,
              (SELECT count(*)::int FROM portal_accounts pa JOIN persons p ON p.id = pa.person_id WHERE p.email = $1) AS accounts`,
      [email],
    );
    return row as { persons: number; members: number; users: number; accounts: number };
  };

  it('a member subscribing for themselves and, as representative, for their company approved at once: one person, two holders, one account', async () => {
    const email = unique('pat');
    const plan = await booted.moduleRef.get(PlansService).create({
      applicantKinds: ['individual'],
      period: { count: 1, unit: 'year' },
      code: `basic-${n}`,
      name: 'Basic',
      price: { amount: 5000, currency: 'EUR' },
    } as never);
    const member = await booted.moduleRef.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Pat', lastName: 'Holder', email },
      planId: plan.id,
      locale: 'en',
      source: { type: 'application', id: null, reference: 'APP-2026-000001' },
    } as never);

    const own = await subscriptions.submit(asPerson(email), booted.officer);
    const company = await subscriptions.submit(asCompany(`BE 0${n}11.222.333`, email), booted.officer);
    expect(company.holder).toMatchObject({ kind: 'organisation', email, memberId: null });
    const [ownApproved, companyApproved] = await approveAll([own, company]);

    // The person's own shares go to their existing member record, whose membership is untouched.
    expect(ownApproved.holder.memberId).toBe(member.memberId);
    const [{ status, planId }] = await booted.db.query(
      `SELECT status, plan_id AS "planId" FROM members WHERE id = $1`,
      [member.memberId],
    );
    expect({ status, planId }).toEqual({ status: 'upcoming', planId: plan.id });
    expect(companyApproved.holder.memberId).not.toBe(member.memberId);
    expect(await countsFor(email)).toEqual({ persons: 1, members: 1, users: 1, accounts: 1 });
    // The company's contact is that same person.
    const [link] = await booted.db.query(
      `SELECT r.is_contact AS "isContact", p.email FROM members m JOIN representations r ON r.organisation_id = m.organisation_id
         JOIN persons p ON p.id = r.person_id WHERE m.id = $1 AND p.email = $2`,
      [companyApproved.holder.memberId, email],
    );
    expect(link).toEqual({ isContact: true, email });
    const cooperators = await booted.db.query(
      `SELECT member_id AS "memberId", state FROM cooperators WHERE member_id = ANY($1::uuid[]) ORDER BY member_id`,
      [[ownApproved.holder.memberId, companyApproved.holder.memberId]],
    );
    expect(cooperators).toHaveLength(2);
    expect(cooperators.every((c: { state: string }) => c.state === 'candidate')).toBe(true);
  });

  it('two requests of one new person, and one of a company they represent, approved at once: one person, one account', async () => {
    const email = unique('new');
    const first = await subscriptions.submit(asPerson(email), booted.officer);
    const second = await subscriptions.submit(
      { ...asPerson(email.toUpperCase(), 'Patricia'), shareClassId: booted.classA.id, quantity: 1 },
      booted.officer,
    );
    const company = await subscriptions.submit(asCompany(`BE 0${n}44.555.666`, email), booted.officer);
    const [a, b, c] = await approveAll([first, second, company]);
    expect(a.holder.memberId).toBe(b.holder.memberId);
    expect(c.holder.memberId).not.toBe(a.holder.memberId);
    expect(await countsFor(email)).toEqual({ persons: 1, members: 1, users: 1, accounts: 1 });
  });

  it('the same company asked for twice by its registration number, however written: one organisation', async () => {
    const email = unique('rep');
    const k = n;
    const classC = await booted.moduleRef.get(ShareClassesService).create({
      code: `C${k}`,
      name: 'Investor shares',
      unitPrice: { amount: 10000, currency: 'EUR' },
      minShares: 1,
      holderKinds: ['organisation'],
      makesMember: false,
      planId: (
        await booted.db.query(`SELECT plan_id AS "planId" FROM share_classes WHERE id = $1`, [booted.classB.id])
      )[0].planId,
    });
    const one = await subscriptions.submit(asCompany(`BE 0${k}77.888.999`, email), booted.officer);
    const two = await subscriptions.submit(
      { ...asCompany(`be0${k}77888999`, email), shareClassId: classC.id, quantity: 3 },
      booted.officer,
    );
    const [x, y] = await approveAll([one, two]);
    expect(x.holder.memberId).toBe(y.holder.memberId);
    const [{ organisations }] = await booted.db.query(
      `SELECT count(*)::int AS organisations FROM organisations WHERE registration_key = $1`,
      [`BE0${k}77888999`],
    );
    expect(organisations).toBe(1);
  });

  it('a new holder of a class that gives no membership is recorded as a non-member', async () => {
    const classD = await booted.moduleRef.get(ShareClassesService).create({
      code: `D${n}`,
      name: 'Supporter-only shares',
      unitPrice: { amount: 1000, currency: 'EUR' },
      minShares: 1,
      holderKinds: ['individual'],
      makesMember: false,
      planId: (
        await booted.db.query(`SELECT plan_id AS "planId" FROM share_classes WHERE id = $1`, [booted.classB.id])
      )[0].planId,
    });
    const made = await subscriptions.submit(
      { ...asPerson(unique('supporter')), shareClassId: classD.id, quantity: 1 },
      booted.officer,
    );
    const [approved] = await approveAll([made]);
    const [{ status }] = await booted.db.query(`SELECT status FROM members WHERE id = $1`, [approved.holder.memberId]);
    expect(status).toBe('non-member');
  });

  it('refuses an organisation for a class only individuals may hold, and a person with an organisation', async () => {
    const k = n;
    const classE = await booted.moduleRef.get(ShareClassesService).create({
      code: `E${k}`,
      name: 'Personal shares',
      unitPrice: { amount: 1000, currency: 'EUR' },
      minShares: 1,
      holderKinds: ['individual'],
      makesMember: true,
      planId: (
        await booted.db.query(`SELECT plan_id AS "planId" FROM share_classes WHERE id = $1`, [booted.classB.id])
      )[0].planId,
    });
    await expect(
      subscriptions.submit(
        { ...asCompany('BE0999999999', unique('x')), shareClassId: classE.id, quantity: 1 },
        booted.officer,
      ),
    ).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [{ field: 'kind', message: `may not hold class E${k} shares (only individuals may)` }],
      },
    });
    const mixed = { ...asPerson(unique('y')), organisation: asCompany('BE0888888888', unique('z')).organisation };
    await expect(subscriptions.submit(mixed, booted.officer)).rejects.toMatchObject({
      problem: {
        status: 400,
        errors: [{ field: 'organisation', message: 'must be left out unless kind is "organisation"' }],
      },
    });
  });
});
