import { type Page } from 'playwright-core';
import { personApplication, postApplication } from '../support/applications';
import { startBrowserJourney, waitForCount, waitForImage, type BrowserJourney } from '../support/browser';
import { linkTokenFromEmail } from '../support/mail';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { onePagePdf, portraitPng } from './sample-files';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };

/**
 * The membership application in a browser: a visitor fills in the public form as a person would
 * (typing, a plan card, a PDF and a photo, a drawn signature, the consents, the proof-of-work
 * captcha solved by the widget) and gets a reference; an officer then finds the application in the
 * back office and sees its photo and signature. Every step is saved as a screenshot, in order.
 */
describe('membership application journey (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  const planCode = `browser-${Date.now().toString(36)}`;
  let adminToken: string;
  let planId: string;

  beforeAll(async () => {
    journey = await startBrowserJourney('registration');
    const { stack } = journey;

    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    expect(login.response.status).toBe(200);
    adminToken = login.data!.accessToken;
    const plan = await authorized(stack, adminToken).POST('/api/v1/plans', {
      body: {
        code: planCode,
        name: 'Professional membership',
        description: 'For practising professionals: events, the journal and the member directory.',
        applicantKinds: ['individual'],
        price: { amount: 12000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        graceDays: 30,
        active: true,
        approvalFlowId: null,
        sortOrder: 1,
      },
    });
    expect(plan.response.status).toBe(201);
    planId = plan.data!.id;
  }, 60_000);

  afterAll(async () => {
    await journey?.close();
  });

  const newPage = (viewport = DESKTOP): Promise<Page> =>
    journey.newPage({ viewport, deviceScaleFactor: 1, locale: 'en-US' });
  const screenshot = (page: Page, name: string) => journey.shot(page, name);

  /** An officer invited by the admin who has activated the account, all through the API. */
  async function activatedOfficer(password: string): Promise<string> {
    const { stack } = journey;
    const email = uniqueEmail('officer');
    const created = await authorized(stack, adminToken).POST('/api/v1/users', {
      body: { email, name: 'Olga Officer', roles: ['officer'], locale: 'en' },
    });
    expect(created.response.status).toBe(201);
    const invitation = await linkTokenFromEmail(stack.sink, email, /invit/i, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', { body: { token: invitation.token, password } });
    expect(activated.response.status).toBe(200);
    return email;
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  /** Draws a signature-like stroke with the mouse, as a person would. */
  async function drawSignature(page: Page): Promise<void> {
    const canvas = page.getByTestId('apply-signature-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const baseline = box.y + box.height * 0.6;
    await page.mouse.move(box.x + 40, baseline);
    await page.mouse.down();
    for (let step = 1; step <= 40; step += 1) {
      const x = box.x + 40 + step * 9;
      const y = baseline - Math.sin(step / 3) * 28 - (step % 7 === 0 ? 12 : 0);
      await page.mouse.move(x, y, { steps: 2 });
    }
    await page.mouse.up();
    await page.mouse.move(box.x + 120, baseline + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 300, baseline + 14, { steps: 12 });
    await page.mouse.up();
  }

  /** Presses Tab until the focus is in the element with `testid`; fails if Tab never gets there. */
  async function tabTo(page: Page, testid: string, limit = 60): Promise<void> {
    for (let presses = 0; presses < limit; presses += 1) {
      await page.keyboard.press('Tab');
      // Browser-side code as strings: this file is type-checked without the DOM library.
      const inside = await page.evaluate(`!!document.activeElement?.closest('[data-testid="${testid}"]')`);
      if (inside) return;
    }
    throw new Error(`Tab never reached ${testid}`);
  }

  it('applies online, then an officer finds the application and sees its photo and signature', async () => {
    const { stack, spa } = journey;
    const applicant = uniqueEmail('ada');
    const officerPassword = 'Officer-Password-Olga-1';
    const officer = await activatedOfficer(officerPassword);
    let page = await newPage();
    let reference = '';
    try {
      // The sign-in page invites visitors to apply.
      await page.goto(`${spa.origin}/sign-in`);
      await page.getByTestId('signin-apply').waitFor();
      await screenshot(page, 'sign-in');
      await page.getByTestId('signin-apply').click();
      await page.getByTestId(`apply-plan-${planCode}`).waitFor();
      expect(new URL(page.url()).pathname).toBe('/apply');
      expect(await page.getByTestId(`apply-plan-${planCode}`).textContent()).toContain('per year');
      await screenshot(page, 'apply-form');

      // On a phone, sending the empty form puts a message next to each field that needs one.
      const phone = await newPage(PHONE);
      await phone.goto(`${spa.origin}/apply`);
      await phone.getByTestId(`apply-plan-${planCode}`).waitFor();
      await phone.getByTestId('apply-first-name').fill('Ada');
      await phone.getByTestId('apply-submit').click();
      await phone.getByTestId('apply-person-lastName-error').waitFor();
      expect(await phone.getByTestId('apply-person-email-error').textContent()).toMatch(/e-mail/i);
      expect(await phone.getByTestId('apply-signature-error').textContent()).toMatch(/sign/i);
      expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await screenshot(phone, 'apply-phone-errors');
      await phone.context().close();

      // A person fills in the form: typing, a plan card, files, a signature, the consents.
      await page.getByTestId('apply-kind-individual').click();
      await page.getByTestId(`apply-plan-${planCode}`).click();
      await page.getByTestId('apply-first-name').pressSequentially('Ada');
      await page.getByTestId('apply-last-name').pressSequentially('Lovelace');
      await page.getByTestId('apply-email').pressSequentially(applicant);
      await page.getByTestId('apply-phone').pressSequentially('+32 470 12 34 56');
      await page.getByTestId('apply-birth-date').fill('1990-12-10');
      await page.getByTestId('apply-nationality').selectOption('BE');
      await page.getByTestId('apply-address-line1').pressSequentially('12 Rue de la Loi');
      await page.getByTestId('apply-address-postal-code').pressSequentially('1000');
      await page.getByTestId('apply-address-city').pressSequentially('Brussels');
      await page.getByTestId('apply-address-country').selectOption('BE');
      await page.getByTestId('apply-occupation').pressSequentially('Engineer');
      await page.getByTestId('apply-employer').pressSequentially('Analytical Engines Ltd');

      await page.getByTestId('apply-documents-input').setInputFiles({
        name: 'diploma.pdf',
        mimeType: 'application/pdf',
        buffer: onePagePdf('Diploma of Ada Lovelace'),
      });
      await page.getByTestId('document-item').waitFor();
      expect(await page.getByTestId('document-item').textContent()).toContain('diploma.pdf');
      await page.getByTestId('apply-photo-input').setInputFiles({
        name: 'ada.png',
        mimeType: 'image/png',
        buffer: portraitPng(),
      });
      await page.getByTestId('apply-photo-preview').waitFor();

      await drawSignature(page);
      await page.getByTestId('apply-signature-done').waitFor();
      await page.getByTestId('apply-consent-terms').click();
      await page.getByTestId('apply-consent-privacy').click();

      // The captcha started solving when the form got focus; it is done by now or on submit.
      await page.locator('[data-testid="apply-captcha"][data-state="verified"]').waitFor({ timeout: 30_000 });
      await screenshot(page, 'apply-filled');

      await page.getByTestId('apply-submit').click();
      await page.getByTestId('apply-reference').waitFor({ timeout: 30_000 });
      reference = (await page.getByTestId('apply-reference').textContent())!.trim();
      expect(reference).toMatch(/^APP-\d{4}-\d+$/);
      expect(await page.getByTestId('apply-success').textContent()).toContain(applicant);
      await screenshot(page, 'apply-submitted');

      // The confirmation e-mail is on its way.
      await stack.sink.waitFor((message) => message.to.includes(applicant), {
        description: `the confirmation to ${applicant}`,
        timeoutMs: 10_000,
      });

      // An officer finds it in the back office by its reference.
      await page.context().close();
      page = await newPage();
      await signIn(page, officer, officerPassword);
      await page.getByTestId('nav-applications').click();
      await page.getByTestId('applications-table').waitFor();
      await page.getByTestId('applications-search').fill(reference);
      // The search goes into the URL once typing pauses, and the list reloads.
      await page.waitForURL((url) => url.searchParams.get('q') === reference);
      const link = page.locator(`[data-testid="application-link"][data-reference="${reference}"]`);
      await link.waitFor();
      await waitForCount(page, '[data-testid="application-link"]', 1);
      await screenshot(page, 'office-applications');

      await link.click();
      await page.getByTestId('application-reference').waitFor();
      expect(await page.getByTestId('application-reference').textContent()).toBe(reference);
      expect(await page.getByTestId('application-applicant').textContent()).toBe('Ada Lovelace');
      for (const role of ['photo', 'signature']) await waitForImage(page.getByTestId(`file-thumbnail-${role}`));
      expect(await page.getByTestId('application-file-document').textContent()).toContain('diploma.pdf');
      await screenshot(page, 'office-application-detail');

      // An administrator reprices the plan: typed in euros, stored exactly in cents.
      await page.context().close();
      page = await newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByTestId('nav-plans').click();
      const edit = page.locator(`[data-testid="plan-edit"][data-plan-code="${planCode}"]`);
      await edit.waitFor();
      await screenshot(page, 'office-plans');
      await edit.click();
      await page.getByTestId('plan-form-price').waitFor();
      expect(await page.getByTestId('plan-form-price').inputValue()).toBe('120.00');
      await page.getByTestId('plan-form-price').fill('99.9');
      await screenshot(page, 'office-plan-dialog');
      await page.getByTestId('plan-form-submit').click();
      await page.getByTestId('plan-form-dialog').waitFor({ state: 'detached' });
      await page.getByText('€99.90 per year').waitFor();
    } catch (error) {
      await screenshot(page, 'failure').catch(() => undefined);
      throw error;
    } finally {
      await journey.closePages();
    }

    // The application is stored as the browser sent it.
    const list = await authorized(stack, adminToken).GET('/api/v1/applications', {
      params: { query: { q: reference } },
    });
    expect(list.data?.items).toEqual([
      expect.objectContaining({ reference, email: applicant, source: 'online', status: 'submitted' }),
    ]);
    const plans = await authorized(stack, adminToken).GET('/api/v1/plans', {
      params: { query: { includeInactive: true } },
    });
    expect(plans.data?.items.find((plan) => plan.code === planCode)?.price).toEqual({ amount: 9990, currency: 'EUR' });
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it("says an application's approval request is opening until the worker has opened it", async () => {
    const { stack, spa } = journey;
    const resumeIntakes = await stack.holdIntakes();
    const page = await newPage();
    try {
      const created = await postApplication(
        stack.baseUrl,
        [personApplication(planId, { firstName: 'Wait', lastName: 'Moment', email: uniqueEmail('opening') })],
        { authorization: `Bearer ${adminToken}` },
      );
      expect(created.status).toBe(201);

      await signIn(page, ADMIN.email, ADMIN.password);
      await page.goto(`${spa.origin}/office/applications/${created.body.id as string}`);
      await page.getByTestId('subject-approval-opening').waitFor();
      await screenshot(page, 'office-application-opening');

      // The worker catches up; the card looks again on its own, without a reload.
      await resumeIntakes();
      await page.getByTestId('subject-approval').waitFor();
      expect(await page.getByTestId('subject-approval').textContent()).toContain('Pending');
      await screenshot(page, 'office-application-opened');
    } catch (error) {
      await screenshot(page, 'opening-failure').catch(() => undefined);
      throw error;
    } finally {
      await resumeIntakes();
      await journey.closePages();
    }
    expect(journey.pageErrors).toEqual([]);
  }, 60_000);

  it('can be filled in and sent with the keyboard alone', async () => {
    const { spa } = journey;
    const applicant = uniqueEmail('keys');
    const page = await newPage();
    // Listen from the start, so the file chooser is intercepted well before Enter opens it.
    const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
    try {
      await page.goto(`${spa.origin}/apply`);
      await page.getByTestId(`apply-plan-${planCode}`).waitFor();
      await page.locator('body').focus();

      await tabTo(page, `apply-plan-${planCode}`);
      await page.keyboard.press('Space');
      const typeInto = async (testid: string, text: string) => {
        await tabTo(page, testid);
        await page.keyboard.type(text);
      };
      await typeInto('apply-first-name', 'Kay');
      await typeInto('apply-last-name', 'Board');
      await typeInto('apply-email', applicant);
      await typeInto('apply-phone', '+32 470 98 76 54');
      await tabTo(page, 'apply-birth-date');
      await page.keyboard.type('03151985');
      await typeInto('apply-nationality', 'Belgium');
      await typeInto('apply-address-line1', '5 Rue Haute');
      await typeInto('apply-address-postal-code', '1000');
      await typeInto('apply-address-city', 'Brussels');
      await typeInto('apply-address-country', 'Belgium');
      expect(await page.getByTestId('apply-birth-date').inputValue()).toBe('1985-03-15');
      expect(await page.getByTestId('apply-nationality').inputValue()).toBe('BE');

      // Files through the keyboard-reachable buttons.
      await tabTo(page, 'apply-documents-button');
      await page.keyboard.press('Enter');
      const documents = await chooser;
      await documents.setFiles({ name: 'licence.pdf', mimeType: 'application/pdf', buffer: onePagePdf('Licence') });
      await page.getByTestId('document-item').waitFor();

      // The canvas says drawing needs a pointer; typing the name signs instead.
      await tabTo(page, 'apply-signature-canvas');
      await tabTo(page, 'apply-signature-type-toggle');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Kay Board');
      await page.getByTestId('apply-signature-done').waitFor();

      await tabTo(page, 'apply-consent-terms');
      await page.keyboard.press('Space');
      await tabTo(page, 'apply-consent-privacy');
      await page.keyboard.press('Space');
      await screenshot(page, 'apply-keyboard');
      await tabTo(page, 'apply-submit');
      await page.keyboard.press('Enter');
      await page.getByTestId('apply-reference').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('apply-success').textContent()).resolves.toContain(applicant);
    } catch (error) {
      await screenshot(page, 'keyboard-failure').catch(() => undefined);
      throw error;
    }
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 90_000);
  it('reads in French once a visitor picks it on the form, remembers it, and defaults the e-mails to French', async () => {
    const { spa } = journey;
    const page = await journey.newPage({ viewport: PHONE, deviceScaleFactor: 1, locale: 'en-US' });
    try {
      await page.goto(`${spa.origin}/apply`);
      await page.getByTestId(`apply-plan-${planCode}`).waitFor();
      expect(await page.isChecked('[data-testid="apply-locale-en"]')).toBe(true);

      await page.getByTestId('locale-switcher').click();
      await page.locator('.n-base-select-option', { hasText: 'Français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Devenir membre' }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
      expect(await page.getByTestId(`apply-plan-${planCode}`).textContent()).toMatch(/\d+,\d\d\s€\s*par an/);
      // The e-mails' language follows the form's until the applicant picks one.
      expect(await page.isChecked('[data-testid="apply-locale-fr"]')).toBe(true);

      await page.getByTestId('apply-submit').click();
      await page.getByTestId('apply-person-lastName-error').waitFor();
      expect(await page.getByTestId('apply-person-lastName-error').textContent()).toBe('Indiquez votre nom.');
      expect(await page.getByTestId('apply-signature-error').textContent()).toMatch(/^Signez dans le cadre/);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
      await page.evaluate('window.scrollTo(0, 0)');
      await screenshot(page, 'apply-phone-errors-fr');

      // The choice stays on this device.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Devenir membre' }).waitFor();
      await page.setViewportSize(DESKTOP);
      await page.getByTestId(`apply-plan-${planCode}`).waitFor();
      await screenshot(page, 'apply-form-fr');
      await page.goto(`${spa.origin}/sign-in`);
      await page.getByRole('heading', { level: 1, name: 'Connexion à Tessera' }).waitFor();
      await screenshot(page, 'sign-in-fr');
    } catch (error) {
      await screenshot(page, 'failure').catch(() => undefined);
      throw error;
    }
    expect(journey.pageErrors).toEqual([]);
  }, 60_000);
});
