import type { TesseraClient } from '@tessera/api-client';
import { waitUntil } from '@tessera/testing';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

const settings = {
  name: 'Cercle Photo de Bruxelles',
  contactEmail: 'membres@cercle.example',
  phone: '+32 470 12 34 56',
  address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  websiteUrl: 'https://cercle.example',
  termsUrl: 'https://cercle.example/statuts',
  privacyUrl: 'https://cercle.example/vie-privee',
  statutesUrl: 'https://cercle.example/statuts-cooperative',
};

/** The organisation's details: admins edit them; staff read them; anyone reads the public part; e-mails carry them. */
describe('organisation settings (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
  });
  afterAll(() => stack.stop());

  it('starts with neutral values that everyone can read, and only staff see the full settings', async () => {
    const shown = await stack.client.GET('/api/v1/settings/organisation/public');
    expect(shown.data).toMatchObject({ name: 'Tessera', termsUrl: null, privacyUrl: null });
    expect((await stack.client.GET('/api/v1/settings/organisation')).response.status).toBe(401);
    expect((await officer.client.GET('/api/v1/settings/organisation')).data).toMatchObject({ name: 'Tessera' });
  });

  it('lets an admin replace them, refuses other staff, and shows the new values to the public', async () => {
    expect((await officer.client.PUT('/api/v1/settings/organisation', { body: settings })).response.status).toBe(403);
    const saved = await admin.PUT('/api/v1/settings/organisation', { body: settings });
    expect({ status: saved.response.status, error: saved.error }).toEqual({ status: 200, error: undefined });
    expect(saved.data).toMatchObject({ ...settings, updatedAt: expect.any(String) });
    expect((await stack.client.GET('/api/v1/settings/organisation/public')).data).toEqual(settings);
  });

  it.each([
    ['a missing name', { ...settings, name: undefined }, 'name'],
    ['an empty name', { ...settings, name: '  ' }, 'name'],
    ['a contact that is not an e-mail', { ...settings, contactEmail: 'write to us' }, 'contactEmail'],
    ['a script link', { ...settings, termsUrl: 'javascript:alert(1)' }, 'termsUrl'],
    ['a link without https://', { ...settings, privacyUrl: 'cercle.example/privacy' }, 'privacyUrl'],
    ['an incomplete address', { ...settings, address: { line1: 'Rue de la Loi 16' } }, 'address.postalCode'],
    ['a phone that is not one', { ...settings, phone: 'call us' }, 'phone'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_, body, field) => {
    const before = (await stack.client.GET('/api/v1/settings/organisation/public')).data;
    const answer = await admin.PUT('/api/v1/settings/organisation', { body: body as typeof settings });
    expect(answer.response.status).toBe(400);
    expect(answer.response.headers.get('content-type')).toContain('application/problem+json');
    expect((answer.error as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain(field);
    expect((await stack.client.GET('/api/v1/settings/organisation/public')).data).toEqual(before);
  });

  it('clears optional details with null', async () => {
    const cleared = await admin.PUT('/api/v1/settings/organisation', {
      body: { ...settings, phone: null, address: null, websiteUrl: null },
    });
    expect(cleared.data).toMatchObject({ phone: null, address: null, websiteUrl: null, termsUrl: settings.termsUrl });
    await admin.PUT('/api/v1/settings/organisation', { body: settings });
  });

  it('names the organisation, its contact details and its links in the e-mails it sends', async () => {
    const mark = stack.sink.messages().length;
    await stack.client.POST('/api/v1/auth/forgot-password', { body: { email: officer.email } });
    await waitUntil(() => stack.sink.messages().length > mark, { description: 'the reset e-mail' });
    const [email] = stack.sink.messages().slice(mark);
    expect(email.text).toContain('Cercle Photo de Bruxelles');
    expect(email.text).toContain('Questions? Write to membres@cercle.example · +32 470 12 34 56');
    expect(email.text).toContain('Membership terms: https://cercle.example/statuts');
    expect(email.html).toContain('href="https://cercle.example/vie-privee"');
  });
});
