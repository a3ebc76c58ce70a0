import type { TesseraClient } from '@tessera/api-client';
import type { Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { ADMIN, authorized } from '../support/stack';

/**
 * The organisation's settings as people meet them: an admin fills them in under Organisation; the
 * public form then names the organisation in its footer and links its consents to the terms and
 * privacy pages; a plan that requires documents says so on the form and holds the applicant back.
 */
describe('organisation settings and plan documents (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;

  beforeAll(async () => {
    journey = await startBrowserJourney('organisation');
    const session = await journey.stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(journey.stack, session.data!.accessToken);
    await createYearlyPlan(admin, {
      code: 'students',
      name: 'Student membership',
      documentsRequired: 1,
      documentsHint: 'proof of enrolment',
    });
  }, 90_000);
  afterAll(() => journey?.close());

  async function signInAsAdmin(page: Page): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(ADMIN.email);
    await page.getByTestId('signin-password').fill(ADMIN.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  it('lets an admin fill in the organisation, with errors next to the fields, and saves it', async () => {
    const page = await journey.newPage();
    await signInAsAdmin(page);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-card').waitFor();
    await page.getByTestId('settings-name').fill('Cercle Photo de Bruxelles');
    await page.getByTestId('settings-contactEmail').fill('not an address');
    await page.getByTestId('settings-terms').fill('https://cercle.example/statuts');
    await page.getByTestId('settings-save').click();
    await page.getByText('Enter a valid e-mail address.').waitFor();
    await journey.shot(page, 'settings-error');

    await page.getByTestId('settings-contactEmail').fill('membres@cercle.example');
    await page.getByTestId('settings-privacy').fill('https://cercle.example/vie-privee');
    await page.getByTestId('settings-save').click();
    await page.getByText('Settings saved').waitFor();
    await journey.shot(page, 'settings-saved');
    const stored = await admin.GET('/api/v1/settings/organisation');
    expect(stored.data).toMatchObject({
      name: 'Cercle Photo de Bruxelles',
      contactEmail: 'membres@cercle.example',
      termsUrl: 'https://cercle.example/statuts',
      privacyUrl: 'https://cercle.example/vie-privee',
    });
  });

  it('names the organisation on the public form, links the consents, and asks for the plan’s documents', async () => {
    const page = await journey.newPage({ locale: 'en-GB' });
    await page.goto(`${journey.spa.origin}/apply`);
    const footer = page.getByTestId('public-footer');
    await footer.getByText('Cercle Photo de Bruxelles').waitFor();
    expect(await footer.getByRole('link', { name: 'membres@cercle.example' }).getAttribute('href')).toBe(
      'mailto:membres@cercle.example',
    );
    expect(await page.getByTestId('apply-terms-link').getAttribute('href')).toBe('https://cercle.example/statuts');
    expect(await page.getByTestId('apply-privacy-link').getAttribute('href')).toBe('https://cercle.example/vie-privee');
    // The only plan is chosen for the applicant: its requirement shows by the documents.
    await page.getByTestId('apply-documents-required').getByText('proof of enrolment').waitFor();
    await page.getByTestId('apply-submit').click();
    await page.getByText('Attach the supporting documents this plan requires (1): proof of enrolment.').waitFor();
    await journey.shot(page, 'apply-documents-required');
    expect(journey.pageErrors).toEqual([]);
  });
});
