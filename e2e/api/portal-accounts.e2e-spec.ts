import { randomUUID } from 'node:crypto';
import type { TesseraClient } from '@tessera/api-client';
import { MembersService, type MemberIntakeResult } from '@tessera/members';
import { DataSource } from 'typeorm';
import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * The staff console of portal accounts (none → invited → active), the member's own /me, and a
 * member reaching only their own records. Members are made as approval makes them.
 */
describe('portal accounts (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let asAdmin: TesseraClient;
  let planId: string;
  let ada: MemberIntakeResult;
  let grace: MemberIntakeResult;
  let engines: MemberIntakeResult;
  const email = { ada: uniqueEmail('ada'), grace: uniqueEmail('grace') };
  const password = 'Portal-Accounts-Password-42';

  const accountOf = async (memberId: string) =>
    (await asAdmin.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })).data!.portalAccount;
  const idsWithAccount = async (accountState: 'none' | 'invited' | 'active' | 'disabled') =>
    (await asAdmin.GET('/api/v1/members', { params: { query: { accountState, planId } } }))
      .data!.items.map((item) => item.id)
      .sort();

  async function activate(to: string): Promise<TesseraClient> {
    const { token } = await linkTokenFromEmail(stack.sink, to, /Activate your member account/, '/activate');
    const session = await stack.client.POST('/api/v1/auth/activate', { body: { token, password } });
    expect(session.response.status).toBe(200);
    return authorized(stack, session.data!.accessToken);
  }

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    asAdmin = authorized(stack, session.data!.accessToken);
    const plan = await asAdmin.POST('/api/v1/plans', {
      body: {
        code: 'portal-e2e',
        name: 'Standard membership',
        applicantKinds: ['individual', 'organisation'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    planId = plan.data!.id;
    const members = stack.api.get(MembersService);
    const source = { type: 'application' as const, id: randomUUID(), reference: 'APP-2026-000100' };
    const address = { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'BE' };
    ada = await members.createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Ada', lastName: 'Lovelace', email: email.ada, phone: '+32 470 12 34 56', address },
      planId,
      locale: 'en',
      source,
    });
    grace = await members.createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Grace', lastName: 'Hopper', email: email.grace },
      planId,
      locale: 'fr',
      source,
    });
    engines = await members.createOrMatchFromApplication({
      kind: 'organisation',
      organisation: {
        legalName: 'Analytical Engines SA',
        registrationNumber: 'BE0999.888.777',
        representatives: [
          { firstName: 'Ada', lastName: 'Lovelace', email: email.ada, role: 'Director', isContact: true },
        ],
      },
      planId,
      locale: 'en',
      source,
    });
  });
  afterAll(() => stack.stop());

  it('moves an account none → invited → active, as the console shows it', async () => {
    expect(await accountOf(ada.memberId)).toMatchObject({ state: 'none' });
    expect(await idsWithAccount('none')).toEqual([ada.memberId, grace.memberId, engines.memberId].sort());

    const invited = await asAdmin.POST('/api/v1/members/{id}/portal-invitation', {
      params: { path: { id: ada.memberId } },
    });
    expect(invited.response.status).toBe(202);
    expect(invited.data).toMatchObject({ state: 'invited', createdFrom: 'staff', autoCreated: false });
    expect((await accountOf(ada.memberId))!.invitedAt).toEqual(expect.any(String));
    // The organisation's contact is Ada: her account acts for it too.
    expect(await accountOf(engines.memberId)).toMatchObject({ state: 'invited' });
    expect(await idsWithAccount('invited')).toEqual([ada.memberId, engines.memberId].sort());

    const asAda = await activate(email.ada);
    expect(await accountOf(ada.memberId)).toMatchObject({ state: 'active', lastLoginAt: expect.any(String) });
    expect(await idsWithAccount('active')).toEqual([ada.memberId, engines.memberId].sort());
    expect(await idsWithAccount('none')).toEqual([grace.memberId]);

    const me = await asAda.GET('/api/v1/me');
    expect(me.data).toMatchObject({
      user: { email: email.ada, roles: ['member'] },
      member: { id: ada.memberId, number: ada.memberNumber, plan: { name: 'Standard membership' }, status: 'upcoming' },
      memberships: [{ id: ada.memberId }, { id: engines.memberId, kind: 'organisation' }],
    });
  });

  it('resends an invitation (the old link stops working) and refuses to re-invite an active account', async () => {
    await asAdmin.POST('/api/v1/members/{id}/portal-invitation', { params: { path: { id: grace.memberId } } });
    const first = await linkTokenFromEmail(stack.sink, email.grace, /Activez votre compte/, '/activate');
    stack.sink.clear();
    await asAdmin.POST('/api/v1/members/{id}/portal-invitation', { params: { path: { id: grace.memberId } } });
    const old = await stack.client.POST('/api/v1/auth/activate', { body: { token: first.token, password } });
    expect(old.response.status).toBe(410);
    const second = await linkTokenFromEmail(stack.sink, email.grace, /Activez votre compte/, '/activate');
    expect(
      (await stack.client.POST('/api/v1/auth/activate', { body: { token: second.token, password } })).response.status,
    ).toBe(200);

    const again = await asAdmin.POST('/api/v1/members/{id}/portal-invitation', {
      params: { path: { id: grace.memberId } },
    });
    expect(again.response.status).toBe(409);
    const reset = await asAdmin.POST('/api/v1/members/{id}/password-reset', {
      params: { path: { id: grace.memberId } },
    });
    expect(reset.response.status).toBe(202);
    await linkTokenFromEmail(stack.sink, email.grace, /mot de passe/i, '/reset-password');
  });

  it('refuses an expired link (410) and sends a new one on request; a used link is refused too', async () => {
    const hedy = await stack.api.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Hedy', lastName: 'Lamarr', email: uniqueEmail('hedy') },
      planId,
      locale: 'en',
      source: { type: 'application', id: randomUUID(), reference: 'APP-2026-000101' },
    });
    await asAdmin.POST('/api/v1/members/{id}/portal-invitation', { params: { path: { id: hedy.memberId } } });
    const expired = await linkTokenFromEmail(
      stack.sink,
      hedy.contact.email,
      /Activate your member account/,
      '/activate',
    );
    await stack.api
      .get(DataSource)
      .query(
        `UPDATE user_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
        [hedy.contact.email],
      );
    stack.sink.clear();
    const late = await stack.client.POST('/api/v1/auth/activate', { body: { token: expired.token, password } });
    expect(late.response.status).toBe(410);
    expect(late.error).toMatchObject({ type: 'urn:tessera:problem:activation-link-gone' });

    const renewed = await stack.client.POST('/api/v1/auth/activation-link', { body: { token: expired.token } });
    expect(renewed.response.status).toBe(202);
    const fresh = await linkTokenFromEmail(stack.sink, hedy.contact.email, /Activate your member account/, '/activate');
    const used = { body: { token: fresh.token, password } };
    expect((await stack.client.POST('/api/v1/auth/activate', used)).response.status).toBe(200);
    expect((await stack.client.POST('/api/v1/auth/activate', used)).response.status).toBe(410);
    // Once active, an old link brings no new invitation (but the same answer).
    const answer = await stack.client.POST('/api/v1/auth/activation-link', { body: { token: expired.token } });
    expect(answer.response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stack.sink.messagesTo(hedy.contact.email)).toHaveLength(1);
  });

  it('lets a member read only their own memberships, and edit only their own contact details', async () => {
    const session = await stack.client.POST('/api/v1/auth/login', { body: { email: email.grace, password } });
    const asGrace = authorized(stack, session.data!.accessToken);
    const own = await asGrace.GET('/api/v1/members/{id}', { params: { path: { id: grace.memberId } } });
    expect(own.response.status).toBe(200);
    for (const other of [ada.memberId, engines.memberId, randomUUID()]) {
      const answer = await asGrace.GET('/api/v1/members/{id}', { params: { path: { id: other } } });
      expect(answer.response.status).toBe(404);
    }
    expect((await asGrace.GET('/api/v1/members')).response.status).toBe(403);

    const bad = await asGrace.PATCH('/api/v1/me/contact-details', {
      body: { phone: '12', address: { line1: '' } } as never,
    });
    expect(bad.response.status).toBe(400);
    const updated = await asGrace.PATCH('/api/v1/me/contact-details', {
      body: { phone: '+33 6 12 34 56 78', locale: 'en' },
    });
    expect(updated.data).toMatchObject({
      user: { locale: 'en' },
      member: { id: grace.memberId, person: { phone: '+33 6 12 34 56 78', locale: 'en' } },
    });
    expect(await accountOf(ada.memberId)).toMatchObject({ state: 'active' });
    const adaDetail = await asAdmin.GET('/api/v1/members/{id}', { params: { path: { id: ada.memberId } } });
    expect(adaDetail.data!.person!.phone).toBe('+32 470 12 34 56');
  });
});
