import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { activatedStaff } from '../support/staff';
import { ADMIN, authorized } from '../support/stack';

/**
 * Someone failed on purpose to sign in as an officer: the officer is not locked out, the sign-in
 * page shows the captcha, solves it and lets them in.
 */
describe('sign-in after failed attempts by someone else (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let page: Page;

  beforeAll(async () => {
    journey = await startBrowserJourney('sign-in-captcha');
    page = await journey.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('asks for the captcha, solves it and signs the owner in', async () => {
    const { stack, spa } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const officer = await activatedStaff(stack, authorized(stack, login.data!.accessToken), 'Olga Officer', [
      'officer',
    ]);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const guess = await stack.client.POST('/api/v1/auth/login', {
        body: { email: officer.email, password: `guess-${attempt}` },
        headers: { 'x-forwarded-for': '203.0.113.66' },
      });
      expect(guess.response.status).toBe(401);
    }

    await page.goto(`${spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(officer.email);
    await page.getByTestId('signin-password').fill(officer.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('signin-captcha').waitFor();
    await journey.shot(page, 'sign-in-captcha');
    await page.getByTestId('office-greeting').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe('/office');
    await journey.shot(page, 'office');
  }, 90_000);
});
