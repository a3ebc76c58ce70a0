import type { TesseraClient } from '@tessera/api-client';
import { BillingDocumentsService } from '@tessera/billing';
import { Clock } from '@tessera/core';
import { StatusSweepsService } from '@tessera/subscription';
import { type Page } from 'playwright-core';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { activatedStaff } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

/** `day` (YYYY-MM-DD) moved by `days`. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Member statuses in a browser, with the API's and worker's clocks moved by the test (a spy on
 * each process's Clock). Ada and Ben paid their first year; it ended unpaid, the daily sweeps put
 * them in grace and then suspended them; Cleo never paid. An administrator reads Ada's status,
 * its reason and history, sets her status by hand with a reason, then opens the Status forecast
 * for a date after their lapse. Screens in English and French (test-artifacts/screenshots/member-statuses).
 */
describe('member statuses (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let page: Page;
  let periodEnd: string;
  let adaId: string;
  let now = Date.now();

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];

  beforeAll(async () => {
    journey = await startBrowserJourney('member-statuses');
    ({ shot, step, signIn, speak } = journeySteps(journey));
    const { stack } = journey;
    for (const app of [stack.api, stack.worker])
      jest.spyOn(app.get(Clock, { strict: false }), 'now').mockImplementation(() => new Date(now));
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
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
        code: 'browser-statuses',
        name: 'Standard membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        graceDays: 10,
        lapseDays: 20,
        approvalFlowId: flow.data!.id,
      },
    });
    expect(plan.response.status).toBe(201);
    const planId = plan.data!.id;
    const people = [
      { firstName: 'Ada', lastName: 'Lovelace', email: uniqueEmail('ada'), password: 'Member-Password-Ada-1' },
      { firstName: 'Ben', lastName: 'Okri', email: uniqueEmail('ben'), password: 'Member-Password-Ben-1' },
      { firstName: 'Cleo', lastName: 'Martin', email: uniqueEmail('cleo'), password: 'Member-Password-Cleo-1' },
    ];
    const tokens: string[] = [];
    for (const person of people) tokens.push((await approvedMember(stack, admin, approver, planId, person)).token);
    // Ada and Ben pay their first year; Cleo does not.
    for (const token of tokens.slice(0, 2)) {
      const [first] = (await authorized(stack, token).GET('/api/v1/me/invoices')).data!.items;
      await stack.api.get(BillingDocumentsService).allocate(first.id, first.totals.gross.amount, null);
    }
    const mine = (await authorized(stack, tokens[0]).GET('/api/v1/me/subscription')).data!.subscription!;
    periodEnd = mine.currentPeriod.end;
    adaId = mine.member.id;
    // Their year ends unpaid: the daily sweeps move them into grace, then suspend them.
    const sweeps = stack.worker.get(StatusSweepsService);
    for (const day of [addDays(periodEnd, 1), addDays(periodEnd, 12)]) {
      now = new Date(`${day}T11:00:00Z`).getTime();
      await sweeps.execute((await sweeps.start(day, 'schedule', null)) as string);
    }
    page = await journey.newPage({ viewport: { width: 1366, height: 900 } });
  }, 180_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await journey?.close();
  });

  it('shows a member’s status, why, and the full history; an administrator sets it by hand with a reason', async () => {
    await step(page, async () => {
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.goto(`${journey.spa.origin}/office/members/${adaId}`);
      const card = page.getByTestId('member-status-card');
      await card.getByTestId('member-status-reason').waitFor();
      expect(await card.getByTestId('member-status').textContent()).toBe('Suspended');
      expect(await card.getByTestId('member-status-reason').textContent()).toMatch(/Grace period ended 10 days after/);
      const history = page.getByTestId('member-history');
      expect(await history.textContent()).toContain('By the daily status sweep');
      expect(await history.textContent()).toMatch(/Membership period ended on .+; grace period until/);
      // A preview as of a later date: the lapse.
      await card.getByTestId('member-status-as-of').fill(addDays(periodEnd, 40));
      await card.getByTestId('member-status-preview').waitFor();
      expect(await card.getByTestId('member-status-preview').textContent()).toMatch(/Former member/);
      await shot(page, 'member-en');

      await card.getByTestId('member-status-override').click();
      const dialog = page.getByTestId('override-status-dialog');
      // The whole dialog first: its submit button names a form that must be there to be sent.
      await dialog.getByTestId('override-status-reason').waitFor();
      await dialog.getByTestId('override-status-submit').click();
      await dialog.getByText('Choose the new status.').waitFor();
      await dialog.getByTestId('override-status-select').click();
      await page.locator('.n-base-select-option', { hasText: /^Member$/ }).click();
      await dialog.getByTestId('override-status-reason').fill('Paid in cash at the general assembly');
      await shot(page, 'override-dialog-en');
      await dialog.getByTestId('override-status-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('member-status-overridden').waitFor();
      await history.getByText(/Set by hand: Paid in cash at the general assembly/).waitFor();
      expect(await card.getByTestId('member-status').textContent()).toBe('Member');
      await shot(page, 'member-overridden-en');

      await speak(page, (await tokenOf(ADMIN)) as string, 'fr');
      await page.getByTestId('member-status-overridden').waitFor();
      expect(await page.getByTestId('member-history').textContent()).toMatch(
        /Délai de grâce terminé 10 jours après le/,
      );
      expect(await page.getByTestId('member-history').textContent()).toContain('Fixé à la main');
      await shot(page, 'member-fr');
      await speak(page, (await tokenOf(ADMIN)) as string, 'en');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('forecasts the statuses for a date: counts, and the members who would change, linking to them', async () => {
    await step(page, async () => {
      await page.getByTestId('nav-status-forecast').click();
      await page.getByTestId('forecast-counts').waitFor();
      const day = addDays(periodEnd, 40);
      await page.getByTestId('forecast-as-of').fill(day);
      await page.waitForURL((url) => url.searchParams.get('asOf') === day);
      await page.locator('[data-testid="forecast-changing"][data-changing="2"]').waitFor();
      await page.locator('[data-testid="forecast-row"]').nth(1).waitFor();
      expect(await page.getByTestId('forecast-count-ex-member').getByTestId('forecast-then').textContent()).toBe('2');
      expect(await page.getByTestId('forecast-count-upcoming').getByTestId('forecast-then').textContent()).toBe('1');
      expect(await page.getByTestId('forecast-members').textContent()).toMatch(/Suspended for more than 20 days/);
      await shot(page, 'forecast-en');

      await speak(page, (await tokenOf(ADMIN)) as string, 'fr');
      await page.locator('[data-testid="forecast-changing"][data-changing="2"]').waitFor();
      expect(await page.getByTestId('forecast-members').textContent()).toMatch(/Suspendu plus de 20 jours/);
      await shot(page, 'forecast-fr');

      // Today nobody moves: the empty state.
      await page.getByTestId('forecast-as-of').fill(addDays(periodEnd, 12));
      await page.getByTestId('forecast-members').getByTestId('empty-state').waitFor();
      await shot(page, 'forecast-empty-fr');
      await speak(page, (await tokenOf(ADMIN)) as string, 'en');

      await page.getByTestId('forecast-as-of').fill(day);
      await page.locator('[data-testid="forecast-row"]').first().waitFor();
      await page.getByTestId('forecast-member-link').first().click();
      await page.waitForURL(/\/office\/members\/[0-9a-f-]+$/);
      await page.getByTestId('member-status-card').waitFor();
    });
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  /** A fresh access token for speaking a language on the account (sessions follow the moved clock). */
  async function tokenOf(account: { email: string; password: string }): Promise<string | undefined> {
    return (await journey.stack.client.POST('/api/v1/auth/login', { body: account })).data?.accessToken;
  }
});
