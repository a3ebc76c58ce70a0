import { activatedStaff } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

/** PATCH /me/preferences: any signed-in person chooses their own language. */
describe('own preferences', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.stop());

  async function adminClient() {
    const { data } = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    return authorized(stack, data!.accessToken);
  }

  it('saves the language of a staff member without the admin role, and sign-in returns it', async () => {
    const approver = await activatedStaff(stack, await adminClient(), 'Pia Prefers', ['approver']);

    const saved = await approver.client.PATCH('/api/v1/me/preferences', { body: { locale: 'fr' } });

    expect(saved.response.status).toBe(200);
    expect(saved.data).toMatchObject({ id: approver.id, email: approver.email, locale: 'fr', roles: ['approver'] });
    const signedIn = await stack.client.POST('/api/v1/auth/login', {
      body: { email: approver.email, password: approver.password },
    });
    expect(signedIn.data!.user.locale).toBe('fr');
  });

  it('refuses a language the product does not speak, naming the rule, and changes nothing', async () => {
    const admin = await adminClient();

    const refused = await admin.PATCH('/api/v1/me/preferences', { body: { locale: 'de' as 'fr' } });

    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({
      type: 'urn:tessera:problem:validation',
      errors: [{ field: 'locale', code: 'isIn', message: expect.any(String) }],
    });
    expect((await admin.GET('/api/v1/me')).data).toMatchObject({ user: { locale: 'en' } });
  });

  it('is for signed-in people only', async () => {
    const anonymous = await stack.client.PATCH('/api/v1/me/preferences', { body: { locale: 'fr' } });
    expect(anonymous.response.status).toBe(401);
  });
});
