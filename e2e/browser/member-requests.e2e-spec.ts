import type { TesseraClient } from '@tessera/api-client';
import { FakeStripe } from '@tessera/testing';
import type { Page } from 'playwright-core';
import { startBrowserJourney, waitForLang, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approvedMember } from './approved-member';
import { approveOpenRequest } from './approve-open-request';
import { journeySteps, type JourneyStripe } from './journey-steps';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const STRIPE_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'] as const;

/**
 * Self-service on a phone (issue 17), moving through the portal's bottom tab bar. Nina (Basic,
 * paid) asks in the portal to move to Plus from now: the summary shows the pro-rata invoice before
 * she confirms; her request shows as being reviewed, there and on her home. Olga (officer) sees it in her inbox with
 * Nina's status, plan, balance and the price effect, and approves it on the approval's page with a
 * comment, and finds it on Nina's page (its Pending filter leaves it out); Nina sees it approved
 * with its invoice and Olga's comment, pays the invoice online (Stripe Checkout, the fake Stripe
 * API and its signed webhook), and her plan is Plus. Omar asks to end his membership at the end of
 * his period; Olga approves and his home shows his last day; Olga ends Pia's membership for her
 * from Pia's page. Screens in English and French in
 * test-artifacts/screenshots/member-requests.
 */
describe('member requests (SPA in Chromium, phone)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let olga: StaffSession;
  let fiona: StaffSession;
  let plusId: string;
  let basicId: string;
  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];
  let payOnline: ReturnType<typeof journeySteps>['payOnline'];
  const password = 'Member-Password-Nina-2';
  const stripe: JourneyStripe = { fake: new FakeStripe('sk_test_e2e_requests'), webhookSecret: 'whsec_requests' };

  beforeAll(async () => {
    await stripe.fake.start();
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: stripe.fake.key,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.fake.baseUrl,
    });
    journey = await startBrowserJourney('member-requests');
    ({ shot, step, signIn, speak, payOnline } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    fiona = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    basicId = await createYearlyPlan(admin, { code: 'basic', name: 'Basic membership' });
    plusId = await createYearlyPlan(admin, {
      code: 'plus',
      name: 'Plus membership',
      description: 'Voting rights and the yearly congress.',
      price: { amount: 10000, currency: 'EUR' },
    });
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
    await stripe.fake.stop();
    for (const name of STRIPE_ENV) delete process.env[name];
  });

  /** Opens a section of the portal with the tab bar at the bottom of a phone's screen. */
  async function tab(page: Page, section: 'home' | 'invoices' | 'requests'): Promise<void> {
    const link = page.getByTestId('portal-tabs').getByTestId(`nav-portal-${section}`);
    await link.click();
    await page.locator(`[data-testid="nav-portal-${section}"][aria-current="page"]`).waitFor();
  }

  /** An approved member on Basic whose first invoice finance has recorded as paid: their token. */
  async function paidMember(firstName: string, email: string): Promise<string> {
    const { token } = await approvedMember(journey.stack, admin, olga, basicId, {
      firstName,
      lastName: 'Member',
      email,
      password,
    });
    const [first] = (await authorized(journey.stack, token).GET('/api/v1/me/invoices')).data!.items;
    await payInFull(first);
    return token;
  }

  async function payInFull(document: {
    id: string;
    member: { id: string };
    amountDue: { amount: number; currency: string };
    issueDate: string;
  }) {
    const paid = await fiona.client.POST('/api/v1/payments', {
      body: {
        memberId: document.member.id,
        amount: document.amountDue,
        method: 'bank-transfer',
        date: document.issueDate,
        allocations: [{ documentId: document.id, amount: document.amountDue.amount }],
      },
    });
    expect(paid.response.status).toBe(201);
  }

  it('a member on a phone asks for a dearer plan from now, sees it pending, is approved, and pays', async () => {
    const email = uniqueEmail('nina');
    const token = await paidMember('Nina', email);
    const memberId = (await authorized(journey.stack, token).GET('/api/v1/me')).data!.member!.id;
    const comment = 'Welcome to Plus: see you at the congress.';
    const page = await journey.newPage(PHONE);
    await step(page, async () => {
      await signIn(page, email, password);
      // On a phone the sections are a tab bar at the bottom, "Requests" among them.
      expect(await page.getByTestId('portal-tabs').locator('a').count()).toBe(5);
      await tab(page, 'requests');
      await page.getByTestId('requests-empty').waitFor();
      await shot(page, 'my-requests-empty-en');

      await page.getByTestId('go-change-plan').click();
      await page.getByTestId('current-membership').waitFor();
      await page.getByTestId(`plan-option-${plusId}`).click();
      await page.getByTestId('effective-now').click();
      const proRata = page.getByTestId('pro-rata');
      await proRata.waitFor();
      expect(await proRata.textContent()).toMatch(
        /You will receive an invoice of €[\d.,]+ for the \d+ of 36[56] days left until/,
      );
      await page.getByTestId('request-note').locator('textarea').fill('I would like to vote at the congress.');
      // What the phone shows of the summary (a full-page capture would draw the fixed tab bar over it).
      await page.getByTestId('request-summary').evaluate((summary) => summary.scrollIntoView({ block: 'center' }));
      await journey.shot(page, 'change-plan-summary-en', { fullPage: false });
      await page.getByTestId('send-request').click();
      await page.getByTestId('request-sent').waitFor();
      await page.locator('[data-testid="request-state"][data-status="pending"]').first().waitFor();
      await shot(page, 'my-requests-pending-en');

      // A second request is refused, saying when the first was made.
      await page.getByTestId('go-change-plan').click();
      await page.getByTestId('pending-request').waitFor();
      // The tab bar still says where she is: under Requests.
      await page.locator('[data-testid="nav-portal-requests"][aria-current="page"]').waitFor();
      await shot(page, 'change-plan-pending-en');

      // Her home lists it as being reviewed.
      await tab(page, 'home');
      const waiting = page.getByTestId('home-requests');
      await waiting.waitFor();
      expect(await waiting.getByTestId('home-request-summary').textContent()).toBe(
        'From Basic membership to Plus membership, from the day it is approved',
      );
      await waiting.scrollIntoViewIfNeeded();
      await journey.shot(page, 'home-pending-en', { fullPage: false });
    });

    // Olga sees it in her inbox, with what she weighs it by, and approves it.
    const office = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    await step(office, async () => {
      await signIn(office, olga.email, olga.password);
      await office.goto(`${journey.spa.origin}/office/approvals`);
      const facts = office.getByTestId('request-inbox-facts').first();
      await facts.waitFor();
      expect(await facts.textContent()).toMatch(
        /Member · Basic membership · Balance €0\.00 · €60\.00 → €100\.00 per period \(\+€40\.00\)/,
      );
      await shot(office, 'office-inbox-en');
      await office.getByTestId('approval-link').first().click();
      await office.getByTestId('request-price-effect').waitFor();
      await shot(office, 'office-approval-en');
      await approveOpenRequest(office, comment);
      await shot(office, 'office-approved-en');
      // The member's page lists the request, decided, with the comment.
      await office.goto(`${journey.spa.origin}/office/members/${memberId}`);
      const note = office.getByTestId('member-requests').getByTestId('member-request-note');
      await note.waitFor();
      expect(await note.textContent()).toBe(` — ${comment}`);
      await office.getByTestId('member-requests').scrollIntoViewIfNeeded();
      await journey.shot(office, 'office-member-requests-en', { fullPage: false });
      // Its "Pending" filter leaves the decided request out; "All" brings it back.
      const requests = office.getByTestId('member-requests');
      await requests.getByTestId('requests-filter').getByText('Pending').click();
      await requests.getByTestId('empty-state').waitFor();
      expect(await requests.locator('li').count()).toBe(0);
      await requests.getByTestId('requests-filter').getByText('All').click();
      await note.waitFor();
    });
    const pending = await olga.client.GET('/api/v1/member-requests', { params: { query: { memberId } } });
    const approved = await olga.client.GET('/api/v1/approvals/{id}', {
      params: { path: { id: pending.data!.items[0].approvalRequestId! } },
    });
    expect(approved.data).toMatchObject({ status: 'approved' });

    await step(page, async () => {
      await tab(page, 'requests');
      await page.locator('[data-testid="request-state"][data-status="approved"]').first().waitFor();
      const outcome = page.getByTestId('request-outcome');
      expect(await outcome.textContent()).toMatch(/Invoice INV-\d{4}-\d{6}: €[\d.,]+/);
      // Olga's comment is in the request's history.
      await page.locator('.history summary').first().click();
      expect(await page.getByTestId('request-step-note').first().textContent()).toBe(`— ${comment}`);
      await shot(page, 'my-requests-approved-en');
    });
    const invoice = (await authorized(journey.stack, token).GET('/api/v1/me/invoices')).data!.items.find(
      (document) => document.kind === 'invoice' && document.state === 'open',
    )!;
    // She pays it online: the portal's Pay button, Stripe Checkout, back in the portal.
    await step(page, async () => {
      await tab(page, 'invoices');
      const row = page.locator(`[data-testid="my-invoice-row"][data-number="${invoice.number}"]`);
      expect(await row.getAttribute('data-state')).toBe('open');
      await shot(page, 'invoices-due-en');
      const session = await payOnline(page, stripe, () => row.getByTestId('my-invoice-pay').click(), {
        payer: 'Nina Member',
        whileConfirming: async () => {
          await page.getByTestId('payment-return-confirming').waitFor();
          await shot(page, 'invoices-paying-en');
        },
      });
      expect(session).toMatchObject({
        amount_total: invoice.amountDue.amount,
        metadata: { documentId: invoice.id, number: invoice.number },
      });
      await page.getByTestId('payment-return-confirmed').waitFor();
      await page
        .locator(`[data-testid="my-invoice-row"][data-number="${invoice.number}"][data-state="paid"]`)
        .waitFor();
      await shot(page, 'invoices-paid-en');
      const subscription = (await authorized(journey.stack, token).GET('/api/v1/me/subscription')).data!.subscription!;
      expect(subscription.plan.name).toBe('Plus membership');
      const payments = (await authorized(journey.stack, token).GET('/api/v1/me/payments')).data!.items;
      expect(payments[0]).toMatchObject({ method: 'stripe', amount: invoice.amountDue });

      // Home says the plan is Plus, nothing is due and no request is waiting any more.
      const requestsRead = page.waitForResponse(
        (response) => new URL(response.url()).pathname === '/api/v1/me/requests' && response.ok(),
      );
      await tab(page, 'home');
      await requestsRead;
      await page.getByTestId('portal-due-none').waitFor();
      expect(await page.getByTestId('portal-plan').textContent()).toBe('Plus membership');
      expect(await page.getByTestId('home-requests').count()).toBe(0);
      // What the phone shows (a full-page capture would draw the fixed tab bar mid-page).
      await journey.shot(page, 'home-plus-en', { fullPage: false });

      await speak(page, token, 'fr');
      await tab(page, 'requests');
      await waitForLang(page, 'fr');
      await page.locator('[data-testid="request-state"][data-status="approved"]').first().waitFor();
      expect(await page.getByTestId('go-change-plan').textContent()).toContain('Changer de formule');
      await shot(page, 'my-requests-approved-fr');
      await page.getByTestId('go-change-plan').click();
      await page.getByTestId('current-membership').waitFor();
      await shot(page, 'change-plan-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('a member ends their membership at the end of their period', async () => {
    const email = uniqueEmail('omar');
    const token = await paidMember('Omar', email);
    const page = await journey.newPage(PHONE);
    await step(page, async () => {
      await signIn(page, email, password);
      await tab(page, 'requests');
      await page.getByTestId('go-end-membership').click();
      await page.getByTestId('current-membership').waitFor();
      await page.getByTestId('termination-reason').click();
      await page.locator('.n-base-select-option', { hasText: 'I am moving away' }).click();
      await page.getByTestId('termination-details').locator('textarea').fill('Going back to Lisbon.');
      const summary = page.getByTestId('request-summary');
      await summary.getByText('Your last day as a member is').waitFor();
      await shot(page, 'end-membership-summary-en');
      await page.getByTestId('send-request').click();
      await page.getByTestId('request-sent').waitFor();
      await page.locator('[data-testid="request-state"][data-status="pending"]').first().waitFor();
      await shot(page, 'end-membership-pending-en');

      await speak(page, token, 'fr');
      await tab(page, 'requests');
      await waitForLang(page, 'fr');
      await page.getByText('En cours d’examen').first().waitFor();
      await shot(page, 'end-membership-pending-fr');
      await page.getByTestId('go-end-membership').click();
      await page.getByTestId('pending-request').waitFor();
      await shot(page, 'end-membership-already-fr');
    });
    const mine = (await authorized(journey.stack, token).GET('/api/v1/me/requests')).data!.items;
    expect(mine).toEqual([expect.objectContaining({ kind: 'termination', state: 'pending', reason: 'moving' })]);
    const periodEnd = (await authorized(journey.stack, token).GET('/api/v1/me/subscription')).data!.subscription!
      .currentPeriod.end;
    const request = (await olga.client.GET('/api/v1/member-requests/{id}', { params: { path: { id: mine[0].id } } }))
      .data!;

    // Olga approves it on the approval's page; Omar's home then says his last day.
    const office = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    await step(office, async () => {
      await signIn(office, olga.email, olga.password);
      await office.goto(`${journey.spa.origin}/office/approvals/${request.approvalRequestId}`);
      await approveOpenRequest(office);
    });
    await step(page, async () => {
      await speak(page, token, 'en');
      await tab(page, 'home');
      const endsOn = page.getByTestId('portal-ends-on');
      await endsOn.waitFor();
      expect(await endsOn.textContent()).toBe(
        new Date(`${periodEnd}T00:00:00Z`).toLocaleDateString('en', { dateStyle: 'medium', timeZone: 'UTC' }),
      );
      // No renewal is ahead of a membership ending with its period.
      expect(await page.getByTestId('portal-renewal').count()).toBe(0);
      await endsOn.scrollIntoViewIfNeeded();
      await journey.shot(page, 'end-membership-approved-en', { fullPage: false });
    });

    // Staff end another member's membership on her behalf, from her page: at once, no approval.
    const pia = await paidMember('Pia', uniqueEmail('pia'));
    const piaId = (await authorized(journey.stack, pia).GET('/api/v1/me')).data!.member!.id;
    await step(office, async () => {
      await office.goto(`${journey.spa.origin}/office/members/${piaId}`);
      const requests = office.getByTestId('member-requests');
      await requests.getByTestId('empty-state').waitFor();
      await requests.getByTestId('terminate-membership').click();
      await office.getByTestId('staff-termination-reason').click();
      await office.locator('.n-base-select-option', { hasText: 'I am moving away' }).click();
      await shot(office, 'office-terminate-en');
      await office.getByTestId('confirm-termination').click();
      await requests.locator('[data-status="approved"]').waitFor();
      await shot(office, 'office-terminated-en');
    });
    expect((await authorized(journey.stack, pia).GET('/api/v1/me/subscription')).data!.subscription).toMatchObject({
      endsOn: periodEnd,
    });
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);
});
