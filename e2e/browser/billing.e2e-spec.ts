import { readFileSync } from 'node:fs';
import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';
import { startBrowserJourney, type BrowserJourney, waitForCount } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

/**
 * Billing in a browser. Chris applies and is approved: a member with a pending subscription and
 * an open invoice. Chris signs in, sees the plan, period and renewal on the membership card,
 * opens "My invoices" and downloads the PDF. An officer finds the invoice by its number, sees its
 * PDF in the page, looks at Chris's subscription card, and credits the invoice. Every screen is
 * saved in English and in French (test-artifacts/screenshots/billing).
 */
describe('invoices and subscriptions (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let officer: StaffSession;
  let memberPage: Page;
  let officerPage: Page;
  const planName = 'Standard membership';
  const chris = { email: uniqueEmail('chris'), name: 'Chris Curie', password: 'Member-Password-Chris-1' };
  let memberToken: string;
  let invoice: { id: string; number: string };

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];

  beforeAll(async () => {
    journey = await startBrowserJourney('billing');
    ({ shot, step, signIn, speak } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);

    const settings = (await admin.GET('/api/v1/settings/organisation')).data!;
    const saved = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Cercle Photo de Bruxelles',
        contactEmail: settings.contactEmail ?? 'membres@cercle.example',
        phone: null,
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        websiteUrl: null,
        termsUrl: null,
        privacyUrl: null,
        legalName: 'Cercle Photo de Bruxelles ASBL',
        companyNumber: '0123.456.749',
        vatNumber: 'BE0123456749',
        iban: 'BE71096123456769',
        bic: 'GKCCBEBB',
        invoiceFooter: null,
        paymentTermsDays: 30,
        timeZone: 'Europe/Brussels',
        referenceScheme: 'ogm',
        currency: 'EUR',
        renewalTime: settings.renewalTime,
        statusSweepTime: settings.statusSweepTime,
      },
    });
    expect(saved.response.status).toBe(200);

    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    const approver = await activatedStaff(stack, admin, 'Ann Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const planId = await createYearlyPlan(admin, {
      code: 'browser-billing',
      name: planName,
      taxRateBps: 2100,
      approvalFlowId: flow.data!.id,
    });

    // Chris applies on the public form and the approver approves: a member, subscribed and invoiced.
    ({ token: memberToken } = await approvedMember(stack, admin, approver, planId, {
      firstName: 'Chris',
      lastName: 'Curie',
      email: chris.email,
      password: chris.password,
    }));

    const mine = await authorized(stack, memberToken).GET('/api/v1/me/invoices');
    expect(mine.data!.items).toHaveLength(1);
    const [only] = mine.data!.items;
    expect(only).toMatchObject({
      kind: 'invoice',
      state: 'open',
      totals: { gross: { amount: 7260, currency: 'EUR' } },
    });
    invoice = { id: only.id, number: only.number };
    // The worker renders the PDF as it e-mails the invoice: the journey starts once it has.
    await stack.sink.waitFor((m) => m.to.includes(chris.email) && m.subject.includes(only.number), {
      description: `the e-mail announcing ${only.number}`,
      timeoutMs: 15_000,
    });
    const pdf = await fetch(`${stack.baseUrl}/api/v1/me/invoices/${only.id}/pdf`, {
      headers: { Authorization: `Bearer ${memberToken}` },
    });
    expect(pdf.status).toBe(200);

    memberPage = await journey.newPage({ viewport: { width: 1280, height: 860 } });
    officerPage = await journey.newPage({ viewport: { width: 1366, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('the member sees the subscription on the membership card, opens My invoices and downloads the PDF', async () => {
    const page = memberPage;
    await step(page, async () => {
      await signIn(page, chris.email, chris.password);
      const card = page.getByTestId('portal-membership');
      await card.getByTestId('portal-subscription').waitFor();
      expect(await card.getByTestId('portal-plan').textContent()).toBe(planName);
      expect(await card.getByTestId('subscription-state').getAttribute('data-status')).toBe('pending');
      expect(await card.getByTestId('subscription-state').textContent()).toContain('Awaiting first payment');
      expect(await card.getByTestId('portal-period').textContent()).toMatch(/\d{4}/);
      expect(await card.getByTestId('portal-renewal').textContent()).toMatch(/\d{4}/);
      await shot(page, 'portal-home-en');

      await page.getByTestId('nav-portal-invoices').click();
      const row = page.locator(`[data-testid="my-invoice-row"][data-number="${invoice.number}"]`);
      await row.waitFor();
      expect(await row.getByTestId('invoice-state').textContent()).toContain('Open');
      expect(await row.textContent()).toContain('€72.60');
      await shot(page, 'my-invoices-en');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByTestId('my-invoice-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${invoice.number}.pdf`);
      const bytes = readFileSync((await download.path())!);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(1000);

      await speak(page, memberToken, 'fr');
      await row.waitFor();
      expect(await row.getByTestId('invoice-state').textContent()).toContain('Ouverte');
      expect(await row.textContent()).toMatch(/72,60\u00a0€/);
      await shot(page, 'my-invoices-fr');
      await page.getByTestId('nav-portal-home').click();
      await page.getByTestId('portal-subscription').waitFor();
      expect(await page.getByTestId('subscription-state').textContent()).toContain('En attente du premier paiement');
      await shot(page, 'portal-home-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('an officer finds the invoice by number, sees its PDF in the page and the member’s subscription', async () => {
    const page = officerPage;
    await step(page, async () => {
      await signIn(page, officer.email, officer.password);
      await page.getByTestId('nav-invoices').click();
      await page.getByTestId('invoices-table').waitFor();
      await page.getByTestId('invoices-search').fill(invoice.number);
      await page.waitForURL((url) => url.searchParams.get('number') === invoice.number);
      const row = page.locator(`[data-testid="invoice-row"][data-number="${invoice.number}"]`);
      await row.waitFor();
      await waitForCount(page, '[data-testid="invoice-row"]', 1);
      expect(await row.getByTestId('invoice-state').getAttribute('data-status')).toBe('open');
      expect(await row.getByTestId('invoice-gross').textContent()).toBe('€72.60');
      expect(await row.textContent()).toContain(chris.name);
      expect(await page.getByTestId('invoice-totals').textContent()).toContain('€72.60');
      await shot(page, 'invoices-en');

      // The PDF comes through the API with the bearer token and is framed from an object URL.
      const [pdf] = await Promise.all([
        page.waitForResponse((response) => response.url().endsWith(`/api/v1/invoices/${invoice.id}/pdf`)),
        row.getByTestId('invoice-link').click(),
      ]);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const frame = page.getByTestId('invoice-pdf-frame');
      await frame.waitFor();
      expect(await frame.getAttribute('src')).toMatch(/^blob:/);
      expect(await page.getByTestId('invoice-lines').textContent()).toContain(planName);
      expect(await page.getByTestId('invoice-total-tax').textContent()).toBe('€12.60');
      expect(await page.getByTestId('invoice-reference').textContent()).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
      await page.waitForTimeout(1500); // the PDF viewer paints its first page
      await shot(page, 'invoice-detail-en');

      await page.getByTestId('invoice-member').click();
      const card = page.getByTestId('subscription-card');
      await card.getByTestId('subscription-summary').waitFor();
      expect(await card.getByTestId('subscription-plan').textContent()).toBe(planName);
      expect(await card.getByTestId('subscription-state').getAttribute('data-status')).toBe('pending');
      await card.getByTestId('subscription-history').waitFor();
      expect(await card.getByTestId('subscription-end').textContent()).toContain('Cancel subscription');
      await page.locator(`[data-testid="member-invoice-link"]:has-text("${invoice.number}")`).waitFor();
      await shot(page, 'member-subscription-en');

      await speak(page, officer.token, 'fr');
      await card.getByTestId('subscription-summary').waitFor();
      expect(await card.getByTestId('subscription-state').textContent()).toContain('En attente du premier paiement');
      await shot(page, 'member-subscription-fr');
      await page.getByTestId('nav-invoices').click();
      await page.locator(`[data-testid="invoice-row"][data-number="${invoice.number}"]`).waitFor();
      await shot(page, 'invoices-fr');
      await page.getByTestId('invoice-link').first().click();
      await page.getByTestId('invoice-pdf-frame').waitFor();
      await page.waitForTimeout(1500);
      await shot(page, 'invoice-detail-fr');
      await speak(page, officer.token, 'en');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('the officer credits the invoice: it becomes credited and links to its credit note', async () => {
    const page = officerPage;
    await step(page, async () => {
      await page.goto(`${journey.spa.origin}/office/invoices/${invoice.id}`);
      await page.getByTestId('invoice-credit').click();
      await page.getByTestId('credit-invoice-dialog').waitFor();
      expect(await page.getByTestId('credit-invoice-dialog').textContent()).toContain(invoice.number);
      await page.getByTestId('credit-invoice-reason').fill('Issued in error: the order was a duplicate.');
      await shot(page, 'credit-dialog-en');
      await page.getByTestId('credit-invoice-submit').click();

      await page.locator('[data-testid="invoice-state"][data-status="credited"]').first().waitFor();
      const link = page.locator('[data-testid="invoice-related-link"][data-relation="credited-by"]');
      await link.waitFor();
      expect(await link.textContent()).toMatch(/^CN-\d{4}-\d{6}$/);
      expect(await page.getByTestId('invoice-reason').textContent()).toContain('duplicate');
      expect(await page.getByTestId('invoice-credit').count()).toBe(0);
      expect(await page.getByTestId('invoice-summary-due').textContent()).toBe('€0.00');
      await shot(page, 'invoice-credited-en');

      await link.click();
      await page.locator('[data-testid="invoice-kind"]:text-is("Credit note")').waitFor();
      const back = page.locator('[data-testid="invoice-related-link"][data-relation="credits"]');
      expect(await back.textContent()).toBe(invoice.number);
      await page.getByTestId('invoice-pdf-frame').waitFor();
      await page.waitForTimeout(1500);
      await shot(page, 'credit-note-en');

      // Nothing matches a number that does not exist: the empty state says so.
      await page.goto(`${journey.spa.origin}/office/invoices?number=ZZZ-0000`);
      await page.getByTestId('empty-state').waitFor();
      await shot(page, 'invoices-no-match-en');
    });
    // The member's list now holds the credit note too.
    const mine = await authorized(journey.stack, memberToken).GET('/api/v1/me/invoices');
    expect(mine.data!.items.map((item) => item.kind).sort()).toEqual(['credit-note', 'invoice']);
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 90_000);
});
