import type { TesseraClient } from '@tessera/api-client';
import { BillingDocumentsService } from '@tessera/billing';
import { type Page } from 'playwright-core';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';
import { startBrowserJourney, type BrowserJourney, waitForCount } from '../support/browser';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

/** `day` (YYYY-MM-DD) moved by `days`. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Renewals in a browser. Chris is approved on a yearly plan and pays the first invoice. An
 * officer opens Renewals, picks a date 20 days before Chris's period ends, sees one subscription
 * due, runs it and watches it finish with one pro-forma issued; finds it under "Open pro-formas"
 * and confirms it into an invoice. Run again, the same date issues nothing. Chris then pays a
 * further period ahead from the portal. Screens in English and French
 * (test-artifacts/screenshots/renewals).
 */
describe('renewals (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let officer: StaffSession;
  let officerPage: Page;
  const planName = 'Standard membership';
  const chris = { email: uniqueEmail('chris'), name: 'Chris Curie', password: 'Member-Password-Chris-1' };
  let memberToken: string;
  let periodEnd: string;
  let asOf: string;

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];

  /** The Renewals page as of `day`, once its preview for that day has arrived. */
  async function previewAsOf(page: Page, day: string, due: number): Promise<void> {
    await page.getByTestId('renewals-as-of').fill(day);
    await page.locator(`[data-testid="renewal-preview"]`).waitFor();
    if (due > 0) await page.locator(`[data-testid="renewal-preview-due"][data-due="${due}"]`).waitFor();
    else await page.getByTestId('renewal-preview').getByTestId('empty-state').waitFor();
  }

  beforeAll(async () => {
    journey = await startBrowserJourney('renewals');
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
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'browser-renewals',
        name: planName,
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        taxRateBps: 2100,
        renewalLeadDays: 30,
        approvalFlowId: flow.data!.id,
      },
    });
    expect(plan.response.status).toBe(201);

    // Chris applies and is approved: a member on a yearly plan, whose first invoice is then paid.
    ({ token: memberToken } = await approvedMember(stack, admin, approver, plan.data!.id, {
      firstName: 'Chris',
      lastName: 'Curie',
      email: chris.email,
      password: chris.password,
    }));

    const [first] = (await authorized(stack, memberToken).GET('/api/v1/me/invoices')).data!.items;
    await stack.api.get(BillingDocumentsService).allocate(first.id, first.totals.gross.amount, null);
    const mine = (await authorized(stack, memberToken).GET('/api/v1/me/subscription')).data!.subscription!;
    expect(mine.state).toBe('active');
    periodEnd = mine.currentPeriod.end;
    asOf = addDays(periodEnd, -20);

    officerPage = await journey.newPage({ viewport: { width: 1366, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('an officer previews the renewals 20 days before the period ends: one subscription due, by plan', async () => {
    const page = officerPage;
    await step(page, async () => {
      await signIn(page, officer.email, officer.password);
      await page.getByTestId('nav-renewals').click();
      await page.getByTestId('renewal-runs').getByTestId('empty-state').waitFor();

      // A month and a half before the end, nothing is due yet (30 lead days).
      await previewAsOf(page, addDays(periodEnd, -45), 0);
      await previewAsOf(page, asOf, 1);
      const bar = page.locator(`[data-testid="renewal-plan-bar"][data-plan="${planName}"]`);
      expect(await bar.getAttribute('data-count')).toBe('1');
      expect(await bar.textContent()).toContain('€72.60');
      expect(await page.getByTestId('renewal-preview-totals').textContent()).toBe('€72.60');
      await shot(page, 'preview-en');

      await speak(page, officer.token, 'fr');
      await previewAsOf(page, asOf, 1);
      expect(await page.getByTestId('renewal-preview-totals').textContent()).toMatch(/^72,60\u00a0€$/);
      expect(await page.getByTestId('renewal-plan-bar').textContent()).toContain('1\u00a0abonnement');
      await shot(page, 'preview-fr');
      await speak(page, officer.token, 'en');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('runs it now and watches it finish: one pro-forma issued, in the history with its figures', async () => {
    const page = officerPage;
    await step(page, async () => {
      await previewAsOf(page, asOf, 1);
      // The worker is held back: the run waits in the queue and the page shows it so.
      const release = await journey.stack.holdQueue('renewals');
      await page.getByTestId('renewals-run').click();
      const card = page.getByTestId('renewal-run');
      await card.waitFor();
      expect(await card.getAttribute('data-state')).toBe('queued');
      expect(await page.getByTestId('renewal-run-progress').getAttribute('data-percentage')).toBe('0');
      expect(await page.getByTestId('renewals-run').isDisabled()).toBe(true);
      await shot(page, 'run-queued-en');
      await release();

      await page.locator('[data-testid="renewal-run"][data-state="done"]').waitFor();
      expect(await page.getByTestId('renewal-run-progress').getAttribute('data-percentage')).toBe('100');
      expect(await page.getByTestId('renewal-run-issued').textContent()).toBe('1');
      expect(await page.getByTestId('renewal-run-examined').textContent()).toBe('1');
      expect(await page.getByTestId('renewal-run-totals').textContent()).toBe('€72.60');
      // What it issued is no longer due.
      await page.getByTestId('renewal-preview').getByTestId('empty-state').waitFor();
      const row = page.locator('[data-testid="renewal-run-row"][data-state="done"]');
      await row.waitFor();
      expect(await row.getByTestId('renewal-run-row-issued').textContent()).toBe('1');
      expect(await row.textContent()).toContain(officer.name);
      expect(await row.textContent()).toContain('€72.60');
      await shot(page, 'run-done-en');

      // Its documents: the pro-formas issued that day.
      await row.getByTestId('renewal-run-documents-link').click();
      await page.waitForURL(
        (url) => url.pathname === '/office/invoices' && url.searchParams.get('kind') === 'pro-forma',
      );
      await page.locator('[data-testid="invoice-row"]').first().waitFor();
      expect(await page.locator('[data-testid="invoice-row"]').count()).toBe(1);
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('finds the pro-forma under Open pro-formas and confirms it into an invoice', async () => {
    const page = officerPage;
    await step(page, async () => {
      await page.getByTestId('nav-invoices').click();
      await page.getByTestId('invoices-view-open-pro-formas').click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'open');
      const row = page.locator('[data-testid="invoice-row"]');
      await row.first().waitFor();
      await waitForCount(page, '[data-testid="invoice-row"]', 1);
      expect(await row.getByTestId('invoice-kind').textContent()).toBe('Pro-forma');
      const proForma = (await row.getAttribute('data-number'))!;
      expect(await row.textContent()).toContain(chris.name);

      await row.locator('[data-testid="invoice-select"] .n-checkbox').click();
      await page.getByTestId('invoices-confirm-selected').waitFor();
      expect(await page.getByTestId('invoices-confirm-selected').textContent()).toContain('Confirm selected (1)');
      await shot(page, 'open-pro-formas-en');
      await page.getByTestId('invoices-confirm-selected').click();
      const dialog = page.getByTestId('bulk-confirm-dialog');
      await dialog.waitFor();
      expect(await dialog.getByTestId('bulk-confirm-list').textContent()).toContain(proForma);
      await shot(page, 'bulk-confirm-dialog-en');
      await page.getByTestId('bulk-confirm-submit').click();

      const result = page.getByTestId('bulk-confirm-result');
      await result.waitFor();
      expect(await result.getAttribute('data-confirmed')).toBe('1');
      expect(await result.getAttribute('data-refused')).toBe('0');
      const number = (await result.getByTestId('bulk-confirm-invoice').textContent())!.trim();
      expect(number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
      expect(number).not.toBe(proForma);
      // Confirmed, it is no longer an open pro-forma; the invoice is in the list.
      await page.getByTestId('invoices-table').getByTestId('empty-state').waitFor();
      await shot(page, 'bulk-confirm-done-en');
      await page.getByTestId('invoices-view-all').click();
      await page.locator(`[data-testid="invoice-row"][data-number="${number}"]`).waitFor();

      await speak(page, officer.token, 'fr');
      await page.getByTestId('invoices-view-open-pro-formas').click();
      await page.getByTestId('invoices-table').getByTestId('empty-state').waitFor();
      expect(await page.getByTestId('invoices-view-open-pro-formas').textContent()).toContain('Pro forma ouvertes');
      await shot(page, 'open-pro-formas-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('run again the same date, nothing more is issued (in French)', async () => {
    const page = officerPage;
    await step(page, async () => {
      await page.getByTestId('nav-renewals').click();
      await previewAsOf(page, asOf, 0);
      await page.getByTestId('renewals-run').click();
      await page.locator('[data-testid="renewal-run"][data-state="done"]').waitFor();
      expect(await page.getByTestId('renewal-run-issued').textContent()).toBe('0');
      await waitForCount(page, '[data-testid="renewal-run-row"]', 2);
      expect(await page.getByTestId('renewal-run-state').first().textContent()).toContain('Terminé');
      await shot(page, 'run-again-fr');
      await speak(page, officer.token, 'en');
    });
    const runs = (await officer.client.GET('/api/v1/renewal-runs')).data!;
    expect(runs.items.map((run) => [run.state, run.issued])).toEqual([
      ['done', 0],
      ['done', 1],
    ]);
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('the member pays two periods ahead from the portal: the one not yet billed is issued', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 860 } });
    await step(page, async () => {
      await signIn(page, chris.email, chris.password);
      await page.getByTestId('portal-pay-ahead').click();
      const dialog = page.getByTestId('pay-ahead-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('pay-ahead-count-2').click();
      const hint = dialog.getByTestId('pay-ahead-hint');
      await waitForCount(page, '[data-testid="pay-ahead-hint"] li', 2);
      expect(await hint.textContent()).toMatch(/\d{4}/);
      await shot(page, 'pay-ahead-en');
      await dialog.getByTestId('pay-ahead-submit').click();
      const result = dialog.getByTestId('pay-ahead-result');
      await result.waitFor();
      // The next period has its (confirmed) pro-forma already: only the one after is new.
      expect(await result.getAttribute('data-issued')).toBe('1');
      expect(await dialog.locator('[data-testid="pay-ahead-periods"] li').count()).toBe(2);
      await shot(page, 'pay-ahead-done-en');
      await dialog.getByTestId('pay-ahead-invoices').click();
      await page.waitForURL((url) => url.pathname === '/portal/invoices');
    });
    const mine = await authorized(journey.stack, memberToken).GET('/api/v1/me/invoices');
    expect(mine.data!.items.map((item) => `${item.kind}:${item.state}`).sort()).toEqual([
      'invoice:open',
      'invoice:paid',
      'pro-forma:confirmed',
      'pro-forma:open',
    ]);
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 90_000);
});
