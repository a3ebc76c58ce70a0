import type { TesseraClient } from '@tessera/api-client';
import { startBrowserJourney, waitForCount, type BrowserJourney } from '../support/browser';
import { createSupporterClass, payInFull } from '../support/shares';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approveOpenRequest } from './approve-open-request';
import { journeySteps } from './journey-steps';

/**
 * The co-operative in the back office (issue 18): Ada (4 class B shares) and Bob (2) are
 * cooperators. Olga (officer) opens the Co-operative group's Cooperators list, opens Ada, asks
 * for a transfer of 2 shares to Bob, approves it on its approval page, and reads the share
 * register as of today, in English and in French; then transfers one of Ada's shares to Léa, who
 * is not a member yet (the dialog's "A new person"). Screens in
 * test-artifacts/screenshots/cooperative.
 */
describe('co-operative back office (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let olga: StaffSession;
  let finance: StaffSession;
  let steps: ReturnType<typeof journeySteps>;

  beforeAll(async () => {
    journey = await startBrowserJourney('cooperative');
    steps = journeySteps(journey);
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const classB = await createSupporterClass(admin);
    const today = (await finance.client.GET('/api/v1/share-register')).data!.asOf;
    for (const [firstName, lastName, quantity] of [
      ['Ada', 'Lovelace', 4],
      ['Bob', 'Babbage', 2],
    ] as const) {
      const made = await olga.client.POST('/api/v1/share-subscriptions', {
        body: {
          kind: 'individual',
          shareClassId: classB.id,
          quantity,
          person: { firstName, lastName, email: uniqueEmail(firstName.toLowerCase()) },
          iban: 'BE71096123456769',
          locale: 'en',
          consent: true,
        },
      });
      await olga.client.POST('/api/v1/approvals/{id}/approve', {
        params: { path: { id: made.data!.approvalRequestId! } },
        body: {},
      });
      const approved = (
        await olga.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: made.data!.id } } })
      ).data!;
      const crr = approved.capitalReleaseRequest!;
      await payInFull(finance.client, approved.holder.memberId!, crr, today);
    }
  }, 120_000);

  afterAll(() => journey?.close());

  it('an officer requests a transfer from a cooperator’s page, approves it, and reads the register in English and French', async () => {
    const { shot, step, signIn, speak } = steps;
    const page = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    await step(page, async () => {
      await signIn(page, olga.email, olga.password);
      await page.getByTestId('nav-cooperators').click();
      await page.getByTestId('cooperator-row').nth(1).waitFor();
      expect(await page.getByTestId('cooperator-row').count()).toBe(2);
      await shot(page, 'cooperators-en');

      await page.locator('[data-testid="cooperator-link"][data-name="Ada Lovelace"]').click();
      await page.getByTestId('cooperator-holdings').waitFor();
      expect(await page.getByTestId('cooperator-holdings').innerText()).toContain('1–4');
      await shot(page, 'cooperator-en');

      await page.getByTestId('cooperator-new-operation').click();
      await page.getByTestId('share-operation-kind-transfer').click();
      await page.getByTestId('share-operation-quantity').fill('2');
      await page.getByTestId('share-operation-to-holder').click();
      await page.keyboard.type('Bob');
      await page.locator('.n-base-select-option', { hasText: 'Bob Babbage' }).click();
      await shot(page, 'new-operation-en');
      await page.getByTestId('share-operation-submit').click();
      await page.getByTestId('share-operation-dialog').waitFor({ state: 'detached' });
      await page.locator('[data-testid="operation-state"][data-status="pending"]').waitFor();

      await page.getByTestId('operation-approval-link').click();
      await approveOpenRequest(page);
      await shot(page, 'approval-approved-en');

      await page.getByTestId('nav-share-register').click();
      const holdings = page.getByTestId('register-holdings');
      await holdings.waitFor();
      const text = await holdings.innerText();
      expect(text).toMatch(/Ada Lovelace\s+B\s+2\s+1–2/);
      expect(text).toMatch(/Bob Babbage\s+B\s+4\s+3–6/);
      expect(await page.getByTestId('register-totals').innerText()).toContain('€150.00');
      await shot(page, 'register-en');
    });

    await step(page, async () => {
      await speak(page, olga.token, 'fr');
      await page.getByTestId('register-holdings').waitFor();
      expect(await page.getByTestId('register-heading').innerText()).toMatch(/^Registre au /);
      expect(await page.getByTestId('nav-share-register').innerText()).toBe('Registre des parts');
      await shot(page, 'register-fr');
      await page.getByTestId('nav-cooperators').click();
      await page.getByTestId('cooperator-row').nth(1).waitFor();
      await shot(page, 'cooperators-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  });

  it('shows the other co-operative pages: classes, subscriptions, capital release requests, reimbursements', async () => {
    const { shot, step, signIn } = steps;
    const bob = (await olga.client.GET('/api/v1/cooperators', { params: { query: { q: 'Babbage' } } })).data!.items[0];
    const redemption = await olga.client.POST('/api/v1/share-operations', {
      body: { kind: 'redemption', holderId: bob.memberId, shareClassId: bob.holdings[0].shareClassId, quantity: 1 },
    });
    expect(redemption.response.status).toBe(201);
    await olga.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: redemption.data!.approvalRequestId! } },
      body: {},
    });
    const page = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    await step(page, async () => {
      await signIn(page, finance.email, finance.password);
      await page.getByTestId('nav-share-reimbursements').click();
      await page.getByTestId('reimbursement-pay').waitFor();
      // Payable only after the statutory waiting period (365 days by default).
      expect(await page.getByTestId('reimbursement-pay').isDisabled()).toBe(true);
      expect(await page.getByTestId('reimbursements-table').innerText()).toContain('Bob Babbage');
      await shot(page, 'reimbursements-en');
      await page.getByTestId('nav-share-classes').click();
      await page.getByTestId('share-classes-table').waitFor();
      await shot(page, 'share-classes-en');
      await page.getByTestId('nav-share-subscriptions').click();
      await page.getByTestId('subscription-row').nth(1).waitFor();
      await shot(page, 'subscriptions-en');
      await page.getByTestId('subscription-link').first().click();
      await page.getByTestId('subscription-crr').waitFor();
      await shot(page, 'subscription-en');
      await page.getByTestId('nav-capital-release-requests').click();
      await page.getByTestId('crr-row').nth(1).waitFor();
      await shot(page, 'capital-release-requests-en');
      await page.getByTestId('nav-cooperators').click();
      await page.locator('[data-testid="cooperator-link"][data-name="Bob Babbage"]').click();
      await page.getByTestId('cooperator-movements').waitFor();
      expect(await page.getByTestId('cooperator-movements').innerText()).toMatch(/Redeemed\s+B\s+−1\s+6/);
      await shot(page, 'cooperator-history-en');
    });
    expect(journey.pageErrors).toEqual([]);
  });

  it('an officer transfers a share to a new person: field errors next to the fields, then a new cooperator', async () => {
    const { shot, step, signIn, speak } = steps;
    const page = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    const feedbackOf = (id: string) =>
      page.locator('.n-form-item', { has: page.locator(`#${id}`) }).locator('.n-form-item-feedback');
    const openNewPersonTransfer = async () => {
      await page.getByTestId('nav-cooperators').click();
      await page.locator('[data-testid="cooperator-link"][data-name="Ada Lovelace"]').click();
      await page.getByTestId('cooperator-holdings').waitFor();
      await page.getByTestId('cooperator-new-operation').click();
      await page.getByTestId('share-operation-kind-transfer').click();
      await page.getByTestId('share-operation-receiver-person').click();
      await page.getByTestId('share-operation-to-email').waitFor();
    };
    await step(page, async () => {
      await signIn(page, olga.email, olga.password);
      await speak(page, olga.token, 'en');
      await openNewPersonTransfer();
      await page.getByTestId('share-operation-quantity').fill('1');
      await page.getByTestId('share-operation-to-first-name').fill('Léa');
      await page.getByTestId('share-operation-to-email').fill('lea@');
      await page.getByTestId('share-operation-submit').click();
      await feedbackOf('share-operation-to-email').getByText('Enter a valid e-mail address.').waitFor();
      await feedbackOf('share-operation-to-last-name').getByText('This field is required.').waitFor();
      await shot(page, 'new-operation-new-person-errors-en');

      await page.getByTestId('share-operation-to-last-name').fill('Newcomer');
      await page.getByTestId('share-operation-to-email').fill(uniqueEmail('lea'));
      await page.getByTestId('share-operation-submit').click();
      await page.getByTestId('share-operation-dialog').waitFor({ state: 'detached' });
      await page.locator('[data-testid="operation-state"][data-status="pending"]').waitFor();
      expect(await page.getByTestId('cooperator-operations').innerText()).toContain('Léa Newcomer');

      await page
        .getByRole('row', { name: /Léa Newcomer/ })
        .getByTestId('operation-approval-link')
        .click();
      await approveOpenRequest(page);
      await page.getByTestId('nav-cooperators').click();
      await waitForCount(page, '[data-testid="cooperator-row"]', 3);
      await page.locator('[data-testid="cooperator-link"][data-name="Léa Newcomer"]').click();
      await page.getByTestId('cooperator-holdings').waitFor();
      expect(await page.getByTestId('cooperator-holdings').innerText()).toMatch(/B\s+1\s+2\s+€25\.00/);
      await shot(page, 'new-person-cooperator-en');
    });

    await step(page, async () => {
      await speak(page, olga.token, 'fr');
      await openNewPersonTransfer();
      expect(await page.getByTestId('share-operation-receiver').innerText()).toContain('Une nouvelle personne');
      await shot(page, 'new-operation-new-person-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  });
});
