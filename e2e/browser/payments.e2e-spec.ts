import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney, waitForValue } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';

/**
 * Payments in a browser. Chris is approved: an open invoice (€60.00) and, asked for ahead, a
 * renewal pro-forma. Fiona (finance) records a €100 bank transfer on the invoice from its page:
 * it shows paid, the payment is on the Payments page and on Chris's page with €40.00 of credit.
 * Chris sees it in My payments; on My invoices there is no Pay button (the stack runs without
 * Stripe) but how to pay the pro-forma by transfer, and Chris declines the renewal and takes it
 * back. Fiona reverses the payment: the invoice is open again, the credit gone, and Chris sees it
 * reversed. Screens in English and French in test-artifacts/screenshots/payments.
 */
describe('payments (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let finance: StaffSession;
  let financePage: Page;
  let memberPage: Page;
  const chris = { email: uniqueEmail('chris-pays'), name: 'Chris Payer', password: 'Member-Password-Chris-2' };
  let memberToken: string;
  let memberId: string;
  let invoice: { id: string; number: string };
  let proForma: { id: string; number: string; reference: string };
  let receipt: { id: string; number: string };

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];

  const row = (page: Page, testid: string, attribute: string, value: string) =>
    page.locator(`[data-testid="${testid}"][${attribute}="${value}"]`);

  /** Waits for the renewal pro-forma's row of My invoices to show `state`. */
  const renewalIs = (page: Page, state: string) =>
    page.locator(`[data-testid="my-invoice-row"][data-number="${proForma.number}"][data-state="${state}"]`).waitFor();

  beforeAll(async () => {
    journey = await startBrowserJourney('payments');
    ({ shot, step, signIn, speak } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    finance = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    const approver = await activatedStaff(stack, admin, 'Paul Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Payments review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const planId = await createYearlyPlan(admin, {
      code: 'browser-payments',
      name: 'Standard membership',
      approvalFlowId: flow.data!.id,
    });

    ({ token: memberToken } = await approvedMember(stack, admin, approver, planId, {
      firstName: 'Chris',
      lastName: 'Payer',
      email: chris.email,
      password: chris.password,
    }));

    const mine = (await authorized(stack, memberToken).GET('/api/v1/me/invoices')).data!;
    expect(mine).toMatchObject({ onlinePayment: false, items: [{ kind: 'invoice', state: 'open' }] });
    expect(mine.items[0].amountDue).toEqual({ amount: 6000, currency: 'EUR' });
    invoice = { id: mine.items[0].id, number: mine.items[0].number };
    memberId = mine.items[0].member.id;

    // Staff issue the next period's pro-forma ahead (as the renewal run would).
    const subscription = (await admin.GET('/api/v1/subscriptions', { params: { query: { memberId } } })).data!.items[0];
    const advanced = await finance.client.POST('/api/v1/subscriptions/{id}/advance-pro-formas', {
      params: { path: { id: subscription.id } },
      body: { periods: 1 },
    });
    expect(advanced.data).toMatchObject({ issued: 1 });
    const issued = (await authorized(stack, memberToken).GET('/api/v1/me/invoices')).data!.items.find(
      (item) => item.kind === 'pro-forma',
    )!;
    expect(issued).toMatchObject({ state: 'open', period: expect.any(Object) });
    proForma = { id: issued.id, number: issued.number, reference: issued.paymentReference! };
    expect(proForma.reference).toBeTruthy();

    financePage = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    memberPage = await journey.newPage({ viewport: { width: 1280, height: 860 } });
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('finance records an overpaying transfer on the invoice: paid, on the Payments page and the member’s page with the credit', async () => {
    const page = financePage;
    await step(page, async () => {
      await signIn(page, finance.email, finance.password);
      await page.getByTestId('nav-payments').click();
      await page.getByTestId('payments-table').getByTestId('empty-state').waitFor();

      await page.goto(`${journey.spa.origin}/office/invoices/${invoice.id}`);
      await page.getByTestId('invoice-record-payment').click();
      const dialog = page.getByTestId('record-payment-dialog');
      await dialog.waitFor();
      // Prefilled from the invoice: the member's open documents, this one ticked, its amount due.
      await row(page, 'record-payment-document', 'data-number', proForma.number).waitFor();
      const ticked = row(page, 'record-payment-document', 'data-number', invoice.number);
      expect(await ticked.getAttribute('class')).toContain('n-checkbox--checked');
      await waitForValue(page.getByTestId('record-payment-amount'), '60.00');
      expect(await page.getByTestId('record-payment-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);

      // A wrong amount is caught next to its field.
      await page.getByTestId('record-payment-amount').fill('72.605');
      await page.getByTestId('record-payment-submit').click();
      await dialog.locator('.n-form-item-feedback--error').first().waitFor();

      await page.getByTestId('record-payment-amount').fill('100');
      await page.getByTestId('record-payment-reference').fill('Transfer 0042');
      expect(await page.getByTestId('record-payment-spread').textContent()).toContain('Pays €60.00 of');
      expect(await page.getByTestId('record-payment-credit').textContent()).toContain('€40.00');
      await shot(page, 'record-dialog-en');
      await page.getByTestId('record-payment-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="invoice-state"][data-status="paid"]').first().waitFor();
      expect(await page.getByTestId('invoice-summary-due').textContent()).toBe('€0.00');
      expect(await page.getByTestId('invoice-record-payment').count()).toBe(0);

      const payments = (await admin.GET('/api/v1/payments', { params: { query: { memberId } } })).data!;
      expect(payments.items).toHaveLength(1);
      receipt = { id: payments.items[0].id, number: payments.items[0].receiptNumber };

      await page.getByTestId('nav-payments').click();
      const line = row(page, 'payment-row', 'data-receipt', receipt.number);
      await line.waitFor();
      expect(await line.getByTestId('payment-member').textContent()).toBe(chris.name);
      expect(await line.getByTestId('payment-method').getAttribute('data-status')).toBe('bank-transfer');
      expect(await line.getByTestId('payment-amount').textContent()).toBe('€100.00');
      expect(await line.getByTestId('payment-credit').textContent()).toBe('€40.00 credit left');
      expect(await line.getByTestId('payment-document-link').textContent()).toBe(invoice.number);
      await shot(page, 'payments-en');
      // The receipt comes through the API with the bearer token.
      const [asked] = await Promise.all([
        page.waitForRequest((sent) => sent.url().endsWith(`/api/v1/payments/${receipt.id}/receipt`)),
        line.getByTestId('payment-receipt-download').click(),
      ]);
      expect(asked.headers().authorization).toMatch(/^Bearer /);

      // Filters live in the URL; none matches a cash payment.
      await page.goto(`${journey.spa.origin}/office/payments?method=cash`);
      await page.getByTestId('payments-table').getByTestId('empty-state').waitFor();
      await page.getByTestId('payments-clear-filters').click();
      await line.waitFor();
      // The member filter finds members as one types.
      await page.getByTestId('payments-member-filter').click();
      await page.keyboard.type('Payer');
      await page.locator('.n-base-select-option', { hasText: chris.name }).click();
      await page.waitForURL((url) => url.searchParams.get('memberId') === memberId);
      await line.waitFor();
      // Opened from its address, the filter shows whom it is about.
      await page.reload();
      await page.getByTestId('payments-member-filter').getByText(`${chris.name} · `).waitFor();
      await line.waitFor();

      await line.getByTestId('payment-member').click();
      const card = page.getByTestId('member-payments');
      await row(page, 'payment-row', 'data-receipt', receipt.number).waitFor();
      expect(await card.getByTestId('member-credit-amount').textContent()).toContain('€40.00');
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'member-payments-en');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('the member sees the payment and the paid invoice; no Pay button but the transfer hint; declines the renewal and takes it back', async () => {
    const page = memberPage;
    await step(page, async () => {
      await signIn(page, chris.email, chris.password);
      await page.getByTestId('nav-portal-payments').click();
      const line = row(page, 'payment-row', 'data-receipt', receipt.number);
      await line.waitFor();
      expect(await line.getByTestId('payment-amount').textContent()).toBe('€100.00');
      expect(await line.getByTestId('payment-document').textContent()).toContain(invoice.number);
      expect(await line.getByTestId('payment-reverse').count()).toBe(0);
      // The €40.00 beyond the invoice is Chris's credit, shown to Chris as to staff.
      expect(await page.getByTestId('my-credit-amount').textContent()).toBe('€40.00');
      await shot(page, 'my-payments-en');
      const [asked] = await Promise.all([
        page.waitForRequest((sent) => sent.url().endsWith(`/api/v1/me/payments/${receipt.id}/receipt`)),
        line.getByTestId('payment-receipt-download').click(),
      ]);
      expect(asked.method()).toBe('GET');

      await page.getByTestId('nav-portal-invoices').click();
      const paid = row(page, 'my-invoice-row', 'data-number', invoice.number);
      await paid.waitFor();
      expect(await paid.getAttribute('data-state')).toBe('paid');
      const renewal = row(page, 'my-invoice-row', 'data-number', proForma.number);
      expect(await renewal.getAttribute('data-state')).toBe('open');
      // Online payment is not configured: no Pay button anywhere, how to pay by transfer instead.
      expect(await page.getByTestId('my-invoice-pay').count()).toBe(0);
      expect(await renewal.getByTestId('my-invoice-transfer-hint').textContent()).toContain(proForma.reference);
      expect(await paid.getByTestId('my-invoice-transfer-hint').count()).toBe(0);
      await shot(page, 'my-invoices-en');
      await page.setViewportSize({ width: 390, height: 844 });
      await renewal.getByTestId('my-invoice-transfer-hint').waitFor();
      await shot(page, 'my-invoices-phone-en');
      await page.setViewportSize({ width: 1280, height: 860 });

      await renewal.getByTestId('my-invoice-decline').click();
      const dialog = page.getByTestId('decline-renewal-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(proForma.number);
      await shot(page, 'decline-dialog-en');
      // The reason is optional.
      await page.getByTestId('decline-renewal-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await renewalIs(page, 'declined');
      expect(await renewal.getByTestId('invoice-state').textContent()).toContain('Declined');
      expect(await renewal.getByTestId('my-invoice-transfer-hint').count()).toBe(0);
      await shot(page, 'my-invoices-declined-en');

      await renewal.getByTestId('my-invoice-reopen').click();
      await renewalIs(page, 'open');
      expect(await renewal.getByTestId('my-invoice-decline').count()).toBe(1);

      // Back from the payment page: a cancelled checkout, then a payment that has arrived.
      await page.goto(`${journey.spa.origin}/portal/invoices?cancelled=${proForma.id}`);
      await page.getByTestId('payment-return-cancelled').waitFor();
      await page.goto(`${journey.spa.origin}/portal/invoices?paid=${invoice.id}`);
      await page.getByTestId('payment-return-confirmed').waitFor();
      await shot(page, 'my-invoices-paid-return-en');
      await page.getByTestId('payment-return-confirmed').locator('.n-alert__close').click();
      await page.waitForURL((url) => !url.searchParams.has('paid'));

      await speak(page, memberToken, 'fr');
      await renewal.waitFor();
      expect(await renewal.getByTestId('my-invoice-transfer-hint').textContent()).toContain('virement');
      expect(await paid.textContent()).toMatch(/60,00\u00a0€/);
      await shot(page, 'my-invoices-fr');
      await page.getByTestId('nav-portal-payments').click();
      await line.waitFor();
      expect(await line.getByTestId('payment-method').textContent()).toContain('Virement');
      expect(await page.getByTestId('my-credit').textContent()).toMatch(/Crédit sur votre compte : 40,00\u00a0€/);
      expect(await line.getByTestId('payment-amount').textContent()).toMatch(/100,00\u00a0€/);
      await shot(page, 'my-payments-fr');
      await speak(page, memberToken, 'en');
    });
    const own = await authorized(journey.stack, memberToken).GET('/api/v1/me/invoices/{id}', {
      params: { path: { id: proForma.id } },
    });
    expect(own.data).toMatchObject({ state: 'open' });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000);

  it('finance reverses the payment from the member’s page: the invoice is open again, the credit gone; the member sees it reversed', async () => {
    const page = financePage;
    await step(page, async () => {
      await speak(page, finance.token, 'fr');
      await page.goto(`${journey.spa.origin}/office/payments`);
      await row(page, 'payment-row', 'data-receipt', receipt.number).waitFor();
      await shot(page, 'payments-fr');
      await page.goto(`${journey.spa.origin}/office/members/${memberId}`);
      const card = page.getByTestId('member-payments');
      const line = card.locator(`[data-testid="payment-row"][data-receipt="${receipt.number}"]`);
      await line.waitFor();
      expect(await card.getByTestId('member-credit-amount').textContent()).toMatch(/40,00\u00a0€/);
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'member-payments-fr');
      await page.goto(`${journey.spa.origin}/office/invoices/${proForma.id}`);
      await page.getByTestId('invoice-record-payment').click();
      await page.getByTestId('record-payment-dialog').waitFor();
      await waitForValue(page.getByTestId('record-payment-amount'), '60.00');
      await shot(page, 'record-dialog-fr');
      await page.keyboard.press('Escape');
      await page.getByTestId('record-payment-dialog').waitFor({ state: 'hidden' });
      await speak(page, finance.token, 'en');

      await page.goto(`${journey.spa.origin}/office/members/${memberId}`);
      await line.waitFor();
      await line.getByTestId('payment-reverse').click();
      const dialog = page.getByTestId('reverse-payment-dialog');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(invoice.number);
      await page.getByTestId('reverse-payment-reason').fill('Recorded on the wrong member.');
      await shot(page, 'reverse-dialog-en');
      await page.getByTestId('reverse-payment-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await card.locator(`[data-testid="payment-row"][data-reversed="true"]`).waitFor();
      expect(await line.getByTestId('payment-reversed').textContent()).toBe('Reversed');
      expect(await line.getByTestId('payment-reversal-reason').textContent()).toBe('Recorded on the wrong member.');
      expect(await line.getByTestId('payment-reverse').count()).toBe(0);
      await card.getByTestId('member-credit-none').waitFor();
      const documentRow = page.locator(`[data-testid="member-invoice-row"]:has-text("${invoice.number}")`);
      await documentRow.locator('[data-testid="invoice-state"][data-status="open"]').waitFor();
      await card.scrollIntoViewIfNeeded();
      await shot(page, 'member-payments-reversed-en');
    });

    const page2 = memberPage;
    await step(page2, async () => {
      await page2.goto(`${journey.spa.origin}/portal/payments`);
      const line = row(page2, 'payment-row', 'data-receipt', receipt.number);
      await line.getByTestId('payment-reversed').waitFor();
      // Reversed: no credit left to show.
      expect(await page2.getByTestId('my-credit').count()).toBe(0);
      await page2.goto(`${journey.spa.origin}/portal/invoices`);
      const reopened = row(page2, 'my-invoice-row', 'data-number', invoice.number);
      await reopened.waitFor();
      expect(await reopened.getAttribute('data-state')).toBe('open');
      expect(await reopened.getByTestId('my-invoice-transfer-hint').count()).toBe(1);
    });
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 90_000);
});
