import { randomUUID } from 'node:crypto';
import type { paths, TesseraClient } from '@tessera/api-client';
import { MembersService, type MemberIntakeResult } from '@tessera/members';
import { UsersService } from '@tessera/users';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * The staff's member list and detail over HTTP. Members are made the way approval will make
 * them (MembersService.createOrMatchFromApplication), since no endpoint creates them yet.
 */
describe('members (API over HTTP)', () => {
  let stack: Stack;
  let asAdmin: TesseraClient;
  let planId: string;
  let person: MemberIntakeResult;
  let organisation: MemberIntakeResult;
  const email = { person: uniqueEmail('ada'), contact: uniqueEmail('grace') };
  const password = 'Members-e2e-Password-42';
  const address = { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'BE' };

  const raw = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.baseUrl}/api/v1${path}`, { headers });

  /** A signed-in user with this role (seeded directly, as `pnpm seed` does). */
  async function signedIn(role: 'finance' | 'member'): Promise<string> {
    const userEmail = uniqueEmail(role);
    await stack.api.get(UsersService).seedUser({ email: userEmail, name: `A ${role}`, roles: [role], password });
    const session = await stack.client.POST('/api/v1/auth/login', { body: { email: userEmail, password } });
    return session.data!.accessToken;
  }

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    asAdmin = authorized(stack, session.data!.accessToken);
    const plan = await asAdmin.POST('/api/v1/plans', {
      body: {
        code: 'members-e2e',
        name: 'Standard membership',
        applicantKinds: ['individual', 'organisation'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    planId = plan.data!.id;
    const members = stack.api.get(MembersService);
    const source = (reference: string) => ({ type: 'application' as const, id: randomUUID(), reference });
    person = await members.createOrMatchFromApplication({
      kind: 'person',
      person: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: email.person,
        phone: '+32 470 12 34 56',
        birthDate: '1990-12-10',
        address,
        nationality: 'GB',
      },
      planId,
      locale: 'en',
      source: source('APP-2026-000001'),
    });
    organisation = await members.createOrMatchFromApplication({
      kind: 'organisation',
      organisation: {
        legalName: 'Analytical Engines SA',
        registrationNumber: '0123.456.789',
        address,
        representatives: [
          { firstName: 'Grace', lastName: 'Hopper', email: email.contact, role: 'Director', isContact: true },
          { firstName: 'Ada', lastName: 'Lovelace', email: email.person, role: 'Adviser', isContact: false },
        ],
      },
      planId,
      locale: 'fr',
      source: source('APP-2026-000002'),
    });
  });
  afterAll(() => stack.stop());

  it('lists members for staff with plan, contact and status', async () => {
    const listed = await asAdmin.GET('/api/v1/members', { params: { query: { planId } } });
    expect(listed.response.status).toBe(200);
    expect(listed.data).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    // Newest first; the two were made in the same instant or nearly, so order is checked in the int-spec.
    expect(listed.data!.items).toEqual(
      expect.arrayContaining([
        {
          id: organisation.memberId,
          number: organisation.memberNumber,
          kind: 'organisation',
          name: 'Analytical Engines SA',
          email: email.contact,
          registrationNumber: '0123.456.789',
          contactPersonId: organisation.contact.personId,
          plan: { id: planId, name: 'Standard membership' },
          status: 'upcoming',
          joinedAt: expect.any(String),
          portalAccount: expect.objectContaining({ state: 'none', userId: null }),
        },
        expect.objectContaining({ id: person.memberId, kind: 'person', name: 'Ada Lovelace', email: email.person }),
      ]),
    );
  });

  it('filters by kind, status and plan, and searches', async () => {
    type Query = paths['/api/v1/members']['get']['parameters']['query'];
    const ids = async (query: Query) =>
      (await asAdmin.GET('/api/v1/members', { params: { query } })).data!.items.map((item) => item.id).sort();
    expect(await ids({ kind: 'person' })).toEqual([person.memberId]);
    expect(await ids({ kind: 'organisation', status: 'upcoming' })).toEqual([organisation.memberId]);
    expect(await ids({ status: 'member' })).toEqual([]);
    expect(await ids({ planId: randomUUID() })).toEqual([]);
    expect(await ids({ q: person.memberNumber })).toEqual([person.memberId]);
    expect(await ids({ q: '0123456789' })).toEqual([organisation.memberId]);
    expect(await ids({ q: email.person.toUpperCase() })).toEqual([organisation.memberId, person.memberId].sort());
  });

  it('refuses bad filters and paging with field errors', async () => {
    const response = await raw('/members?status=gold&pageSize=500&planId=nope', {
      authorization: `Bearer ${await signedIn('finance')}`,
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['pageSize', 'planId', 'status']);
  });

  it('shows a member in detail: party, representatives, organisations represented, history, source', async () => {
    const detail = await asAdmin.GET('/api/v1/members/{id}', { params: { path: { id: organisation.memberId } } });
    expect(detail.response.status).toBe(200);
    expect(detail.data).toMatchObject({
      number: organisation.memberNumber,
      plan: { id: planId, name: 'Standard membership' },
      organisation: {
        legalName: 'Analytical Engines SA',
        representatives: [
          { email: email.contact, role: 'Director', isContact: true },
          { email: email.person, role: 'Adviser', isContact: false },
        ],
      },
      person: null,
      statusHistory: [{ from: null, to: 'upcoming', reason: 'Application APP-2026-000002 approved' }],
      source: { type: 'application', reference: 'APP-2026-000002' },
    });
    const personal = await asAdmin.GET('/api/v1/members/{id}', { params: { path: { id: person.memberId } } });
    expect(personal.data).toMatchObject({
      person: { firstName: 'Ada', birthDate: '1990-12-10', locale: 'en' },
      organisationsRepresented: [
        { legalName: 'Analytical Engines SA', role: 'Adviser', isContact: false, memberId: organisation.memberId },
      ],
    });
  });

  it('answers 404 problem+json for an unknown or malformed id', async () => {
    for (const id of [randomUUID(), 'not-a-uuid']) {
      const response = await raw(`/members/${id}`, { authorization: `Bearer ${await signedIn('finance')}` });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({ type: 'urn:tessera:problem:member-not-found' });
    }
  });

  it('is closed to anonymous callers (401) and to members (403, or 404 for others’ members); open to finance and members:read keys', async () => {
    for (const path of ['/members', `/members/${person.memberId}`]) {
      expect((await raw(path)).status).toBe(401);
    }
    const memberToken = await signedIn('member');
    expect((await raw('/members', { authorization: `Bearer ${memberToken}` })).status).toBe(403);
    expect((await raw(`/members/${person.memberId}`, { authorization: `Bearer ${memberToken}` })).status).toBe(404);
    const finance = await raw(`/members/${person.memberId}`, { authorization: `Bearer ${await signedIn('finance')}` });
    expect(finance.status).toBe(200);

    const reader = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'CRM', scopes: ['members:read'] } });
    expect((await raw('/members', { 'x-api-key': reader.data!.key })).status).toBe(200);
    const writer = await asAdmin.POST('/api/v1/api-keys', { body: { name: 'Shop', scopes: ['orders:write'] } });
    expect((await raw('/members', { 'x-api-key': writer.data!.key })).status).toBe(403);
  });
});
