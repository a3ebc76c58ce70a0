import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized } from '../support/stack';

/**
 * The plan dialog's Billing group, driven in Chromium: an English administrator creates a
 * fixed-date plan with 5.5 % tax typed as a percentage (sent as 550 basis points), the list shows
 * the rate and the anchor; a French administrator edits it. Screenshots of both languages.
 */
describe('plan billing in the back office (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let ada: StaffSession;
  let camille: StaffSession;

  async function step(page: Page, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
  }

  async function signIn(page: Page, staff: StaffSession): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(staff.email);
    await page.getByTestId('signin-password').fill(staff.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  const dialog = (page: Page) => page.getByTestId('plan-form-dialog');

  beforeAll(async () => {
    journey = await startBrowserJourney('plan-billing');
    const session = await journey.stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(journey.stack, session.data!.accessToken);
    ada = await activatedStaff(journey.stack, admin, 'Ada Admin', ['admin'], 'en');
    camille = await activatedStaff(journey.stack, admin, 'Camille Lefèvre', ['admin'], 'fr');
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('creates a fixed-date plan with its tax rate, in English', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 1100 } });
    await step(page, async () => {
      await signIn(page, ada);
      await page.goto(`${journey.spa.origin}/office/plans`);
      await page.getByTestId('plans-create').click();
      await dialog(page).waitFor();
      await page.getByTestId('plan-form-name').fill('Calendar membership');
      await page.getByTestId('plan-form-code').fill('calendar-membership');
      await page.getByTestId('plan-form-price').fill('120');
      expect(await page.getByTestId('plan-form-billing').textContent()).toContain('On the join date');
      expect(await page.getByTestId('plan-form-calendar').count()).toBe(0);
      await journey.shot(page, 'dialog-join-date');

      await page.getByTestId('plan-form-anchor-calendar').click();
      await page.getByTestId('plan-form-calendar').waitFor();
      await page.getByTestId('plan-form-tax-rate').fill('5.555');
      await page.getByTestId('plan-form-period-count').fill('5');
      await page.getByTestId('plan-form-submit').click();
      const text = await dialog(page).textContent();
      expect(text).toContain('Use at most 2 decimals.');
      expect(text).toContain('A fixed-date plan is billed every 1, 2, 3, 4, 6 or 12 months, or every year.');
      await journey.shot(page, 'dialog-calendar-errors');

      await page.getByTestId('plan-form-tax-rate').fill('5.5');
      await page.getByTestId('plan-form-period-count').fill('1');
      await page.getByTestId('plan-form-prorate').click();
      await journey.shot(page, 'dialog-calendar');
      await page.getByTestId('plan-form-submit').click();
      await dialog(page).waitFor({ state: 'hidden' });

      const row = page.locator('tr', { has: page.getByText('calendar-membership') });
      await row.waitFor();
      expect(await row.textContent()).toContain('5.5%');
      expect(await row.textContent()).toContain('Fixed: January\u00a01');
      await journey.shot(page, 'list');
    });

    const listed = await admin.GET('/api/v1/plans', { params: { query: { includeInactive: true } } });
    expect(listed.data!.items.find((plan) => plan.code === 'calendar-membership')).toMatchObject({
      taxRateBps: 550,
      billingAnchor: 'calendar',
      calendarAnchor: { month: 1, day: 1 },
      prorateFirstPeriod: true,
      renewalLeadDays: 30,
    });
    expect(journey.pageErrors).toEqual([]);
  });

  it('edits it in French, back to the join date', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 1100 } });
    await step(page, async () => {
      await signIn(page, camille);
      await page.goto(`${journey.spa.origin}/office/plans`);
      const row = page.locator('tr', { has: page.getByText('calendar-membership') });
      await row.waitFor();
      expect(await row.textContent()).toMatch(/5,5[\u00a0\u202f]%/);
      expect(await row.textContent()).toContain('Date fixe\u00a0: 1\u00a0janvier');
      await journey.shot(page, 'list-fr');

      await page.locator('[data-testid="plan-edit"][data-plan-code="calendar-membership"]').click();
      await dialog(page).waitFor();
      expect(await page.getByTestId('plan-form-tax-rate').inputValue()).toBe('5.5');
      const billing = await page.getByTestId('plan-form-billing').textContent();
      expect(billing).toContain('Facturation');
      expect(billing).toContain('Facturée au prorata des jours en cas d’adhésion en cours de cycle');
      await journey.shot(page, 'dialog-fr-calendar');

      await page.getByTestId('plan-form-anchor-join-date').click();
      await page.getByTestId('plan-form-tax-rate').fill('21');
      await journey.shot(page, 'dialog-fr-join-date');
      await page.getByTestId('plan-form-submit').click();
      await dialog(page).waitFor({ state: 'hidden' });
      await row.getByText('Dès l’adhésion').waitFor();
    });

    const listed = await admin.GET('/api/v1/plans', { params: { query: { includeInactive: true } } });
    expect(listed.data!.items.find((plan) => plan.code === 'calendar-membership')).toMatchObject({
      taxRateBps: 2100,
      billingAnchor: 'join-date',
      calendarAnchor: null,
      prorateFirstPeriod: false,
    });
    expect(journey.pageErrors).toEqual([]);
  });
});
