import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TesseraClient } from '@tessera/api-client';
import type { Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { pngFile } from '../support/fixtures';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized } from '../support/stack';

/**
 * The billing half of the Organisation page: bank details checked by the server with the error
 * next to the field, terms, currency, reference scheme, time zone and run times saved; the logo
 * uploaded with a preview, a fake image refused before it is sent; the same page in French.
 */
describe('billing settings and logo (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let camille: StaffSession;
  const files = mkdtempSync(join(tmpdir(), 'tessera-logo-'));

  beforeAll(async () => {
    journey = await startBrowserJourney('billing-settings');
    const session = await journey.stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(journey.stack, session.data!.accessToken);
    camille = await activatedStaff(journey.stack, admin, 'Camille Lefèvre', ['admin'], 'fr');
  }, 90_000);
  afterAll(() => journey?.close());

  async function openSettings(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-card').waitFor();
  }

  it('saves the billing details, with the server’s IBAN check next to the field, and takes a logo', async () => {
    const page = await journey.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    await openSettings(page, ADMIN.email, ADMIN.password);
    await page.getByTestId('settings-name').fill('Cercle Photo de Bruxelles');
    await page.getByTestId('settings-legalName').fill('Cercle Photo de Bruxelles ASBL');
    await page.getByTestId('settings-vatNumber').fill('BE0123456749');
    // The right shape, wrong check digits: only the server knows.
    await page.getByTestId('settings-iban').fill('BE72 0961 2345 6769');
    await page.getByTestId('settings-bic').fill('GKCCBEBB');
    await page.getByTestId('settings-paymentTerms').fill('14');
    await page.getByTestId('settings-scheme-ogm').click();
    await page.getByTestId('settings-invoiceFooter').fill('RPM Bruxelles\nThank you for your membership.');
    await page.getByTestId('settings-save').click();
    await page.getByText('This is not a valid IBAN').waitFor();
    await journey.shot(page, 'iban-refused');

    await page.getByTestId('settings-iban').fill('BE71 0961 2345 6769');
    await page.getByTestId('settings-save').click();
    await page.getByText('Settings saved').waitFor();
    expect((await admin.GET('/api/v1/settings/organisation')).data).toMatchObject({
      legalName: 'Cercle Photo de Bruxelles ASBL',
      iban: 'BE71096123456769',
      bic: 'GKCCBEBB',
      paymentTermsDays: 14,
      referenceScheme: 'ogm',
      invoiceFooter: 'RPM Bruxelles\nThank you for your membership.',
      timeZone: 'Europe/Brussels',
      currency: 'EUR',
    });

    // A text file named .png is refused before it is sent; a real PNG is shown at once.
    const fake = join(files, 'fake.png');
    writeFileSync(fake, 'not an image at all');
    await page.getByTestId('logo-file').setInputFiles(fake);
    await page.getByText('fake.png is not a JPEG or PNG file.').waitFor();
    const logo = join(files, 'logo.png');
    writeFileSync(logo, pngFile(240, 80, [15, 118, 110]));
    await page.getByTestId('logo-file').setInputFiles(logo);
    await page.getByText('Logo saved.').waitFor();
    await page.getByTestId('logo-preview').waitFor();
    expect(await page.getByTestId('logo-preview').evaluate((img: { naturalWidth: number }) => img.naturalWidth)).toBe(
      240,
    );
    await journey.shot(page, 'saved-with-logo');
    expect(journey.pageErrors).toEqual([]);
  });

  it('reads in French for a French administrator', async () => {
    const page = await journey.newPage({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
    await openSettings(page, camille.email, camille.password);
    await page.getByText('Fuseau horaire et horaires').waitFor();
    await page.getByText('Communication structurée belge').waitFor();
    await page.getByTestId('logo-preview').waitFor();
    await page.getByTestId('settings-iban').fill('BE72 0961 2345 6769');
    await page.getByTestId('settings-save').click();
    await page.getByText('Cet IBAN n’est pas valide').waitFor();
    await journey.shot(page, 'french');
    expect(journey.pageErrors).toEqual([]);
  });
});
