import { type Page } from 'playwright-core';
import { extractLinks } from '@tessera/testing';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

/**
 * The password reset journey in a browser: the built SPA (apps/web/dist) served next to the API,
 * driven in Debian's Chromium. Every page passed through is saved as a screenshot, in order.
 */
describe('password reset journey (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let page: Page;

  beforeAll(async () => {
    journey = await startBrowserJourney('password-reset');
    page = await journey.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await journey?.close();
  });

  const screenshot = (name: string) => journey.shot(page, name);

  /** An officer invited by the admin who has activated the account, all through the API. */
  async function activatedOfficer(password: string): Promise<{ email: string; name: string }> {
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    expect(login.response.status).toBe(200);
    const email = uniqueEmail('officer');
    const name = 'Olga Officer';
    const created = await authorized(stack, login.data!.accessToken).POST('/api/v1/users', {
      body: { email, name, roles: ['officer'], locale: 'en' },
    });
    expect(created.response.status).toBe(201);
    const invitation = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', { body: { token: invitation.token, password } });
    expect(activated.response.status).toBe(200);
    return { email, name };
  }

  it('forgot password → e-mailed link → new password → sign in → back office → sign out', async () => {
    const { stack, spa } = journey;
    const officer = await activatedOfficer('First-Password-Olga-1');
    const newPassword = 'Browser-Password-Olga-2';
    try {
      await page.goto(`${spa.origin}/sign-in`);
      await page.getByTestId('signin-email').waitFor();
      await screenshot('sign-in');

      await page.getByTestId('forgot-link').click();
      await page.getByTestId('forgot-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/forgot-password');
      await page.getByTestId('forgot-email').fill(officer.email);
      await screenshot('forgot-password');
      await page.getByTestId('forgot-submit').click();
      await page.getByTestId('forgot-sent').waitFor();
      expect(await page.getByTestId('forgot-sent').textContent()).toContain(officer.email);
      await screenshot('forgot-password-sent');

      // The e-mail links to this SPA (PUBLIC_URL), where the reset page takes the token.
      const reset = await linkTokenFromEmail(stack.sink, officer.email, /reset/i, '/reset-password');
      const link = extractLinks(reset.message).find((url) => new URL(url).pathname === '/reset-password')!;
      expect(new URL(link).origin).toBe(spa.origin);

      await page.goto(link);
      await page.getByTestId('reset-password').waitFor();
      // The page took the token from the fragment and cleared it from the address bar.
      await page.waitForURL(`${spa.origin}/reset-password`);
      await page.getByTestId('reset-password').fill(newPassword);
      await page.getByTestId('reset-confirm').fill(newPassword);
      await screenshot('reset-password');
      await page.getByTestId('reset-submit').click();
      await page.getByTestId('reset-done').waitFor();
      await screenshot('reset-password-done');

      await page.getByTestId('reset-sign-in').click();
      await page.getByTestId('signin-email').waitFor();
      await page.getByTestId('signin-email').fill(officer.email);
      await page.getByTestId('signin-password').fill(newPassword);
      await screenshot('sign-in-new-password');
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('office-greeting').waitFor();
      expect(new URL(page.url()).pathname).toBe('/office');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(
        /^Good (morning|afternoon|evening), Olga$/,
      );
      expect(await page.getByTestId('office-greeting').textContent()).toContain(officer.email);
      await screenshot('office');

      await page.getByTestId('user-menu').click();
      await page.getByTestId('sign-out').waitFor();
      expect(await page.getByTestId('user-menu-header').textContent()).toContain(officer.email);
      await screenshot('user-menu');
      await page.getByTestId('sign-out').click();
      await page.getByTestId('signin-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await screenshot('signed-out');

      // Signed out means signed out: the back office sends the visitor to the sign-in page.
      await page.goto(`${spa.origin}/office`);
      await page.getByTestId('signin-email').waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');

      // The same link a second time: the token is used up, the page says so kindly.
      await page.goto(link);
      await page.getByTestId('reset-password').waitFor();
      await page.getByTestId('reset-password').fill('Another-Password-Olga-3');
      await page.getByTestId('reset-confirm').fill('Another-Password-Olga-3');
      await screenshot('reset-link-again');
      await page.getByTestId('reset-submit').click();
      await page.getByTestId('link-problem').waitFor();
      expect(await page.getByTestId('link-problem').textContent()).toMatch(/expired/i);
      await page.getByTestId('request-new-link').waitFor();
      await screenshot('reset-link-used');
    } catch (error) {
      await screenshot('failure').catch(() => undefined);
      throw error;
    }

    // The new password is the one that works.
    const old = await stack.client.POST('/api/v1/auth/login', {
      body: { email: officer.email, password: 'First-Password-Olga-1' },
    });
    expect(old.response.status).toBe(401);
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 90_000);
});
