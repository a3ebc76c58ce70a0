import { readFileSync } from 'node:fs';
import type { TesseraClient } from '@tessera/api-client';
import { generateCamt053 } from '@tessera/billing';
import type { Page } from 'playwright-core';
import { journeySteps } from './journey-steps';
import { importFigures, openStatementUpload, pickStatement } from './statement-upload';
import { startBrowserJourney, waitForCount, waitForLang, type BrowserJourney } from '../support/browser';
import { linkTokenFromEmail } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'en-US' };

/**
 * Co-operative shares in Chromium (issue 18): a visitor subscribes 4 class B shares on the public
 * form on a phone (English; the French form checked too), an officer approves, finance imports the
 * bank's CAMT.053 statement on the Bank statements screen (its line pays the capital release
 * request), and the new cooperator opens "My shares" on the phone, downloads the certificate,
 * sells a share back and asks to transfer two to another member.
 */
describe('share subscription form and My shares (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let steps: ReturnType<typeof journeySteps>;
  let admin: TesseraClient;
  let officer: StaffSession;
  let finance: StaffSession;
  const ada = { email: uniqueEmail('ada'), password: 'Cooperator-Password-Ada-1' };
  let reference = '';

  beforeAll(async () => {
    journey = await startBrowserJourney('share-intake');
    steps = journeySteps(journey);
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const saved = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Coopérative Énergie Verte',
        contactEmail: 'parts@energie.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        statutesUrl: 'https://energie.example/statuts',
        companyNumber: 'BE0123456749',
        iban: 'BE71096123456769',
        bic: 'GKCCBEBB',
        timeZone: 'Europe/Brussels',
        referenceScheme: 'rf',
        currency: 'EUR',
      },
    });
    expect(saved.response.status).toBe(200);
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'cooperator',
        name: 'Cooperator',
        applicantKinds: ['individual', 'organisation'],
        price: { amount: 0, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      },
    });
    for (const shareClass of [
      { code: 'A', name: 'Founder shares', amount: 25000, minShares: 1, maxShares: undefined, kinds: ['individual'] },
      {
        code: 'B',
        name: 'Supporter shares',
        amount: 2500,
        minShares: 1,
        maxShares: 40,
        kinds: ['individual', 'organisation'],
      },
    ] as const) {
      const created = await admin.POST('/api/v1/share-classes', {
        body: {
          code: shareClass.code,
          name: shareClass.name,
          unitPrice: { amount: shareClass.amount, currency: 'EUR' },
          minShares: shareClass.minShares,
          ...(shareClass.maxShares ? { maxShares: shareClass.maxShares } : {}),
          holderKinds: [...shareClass.kinds],
          makesMember: true,
          planId: plan.data!.id,
        },
      });
      expect(created.response.status).toBe(201);
    }
  }, 90_000);
  afterAll(() => journey?.close());

  const scrollWidth = (page: Page) => page.evaluate('document.documentElement.scrollWidth');

  it('a visitor subscribes 4 class B shares on the public form on a phone', async () => {
    const page = await journey.newPage(PHONE);
    await steps.step(page, async () => {
      await page.goto(`${journey.spa.origin}/shares`);
      await page.getByTestId('shares-class-B').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Become a cooperator');
      expect(await page.getByTestId('shares-statutes-link').getAttribute('href')).toBe(
        'https://energie.example/statuts',
      );
      await steps.shot(page, 'form-phone');

      // Sent empty: a message next to each field that needs one.
      await page.getByTestId('shares-submit').click();
      await page.getByTestId('shares-shareClassId-error').waitFor();
      expect(await page.getByTestId('shares-person-email-error').textContent()).toMatch(/e-mail/i);
      expect(await page.getByTestId('shares-iban-error').textContent()).toMatch(/IBAN/);
      expect(await page.getByTestId('shares-statutes-error').textContent()).toBe('Please accept the statutes');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await steps.shot(page, 'form-phone-errors');

      await page.getByTestId('shares-class-B').click();
      await page.getByTestId('shares-quantity').fill('4');
      await page.getByTestId('shares-quantity').blur();
      await page.getByTestId('shares-first-name').pressSequentially('Ada');
      await page.getByTestId('shares-last-name').pressSequentially('Lovelace');
      await page.getByTestId('shares-email').pressSequentially(ada.email);
      await page.getByTestId('shares-phone').pressSequentially('+32 470 12 34 56');
      await page.getByTestId('shares-birth-date').fill('1990-12-10');
      await page.getByTestId('shares-nationality').selectOption('BE');
      await page.getByTestId('shares-address-line1').pressSequentially('Rue Haute 1');
      await page.getByTestId('shares-address-postal-code').pressSequentially('1000');
      await page.getByTestId('shares-address-city').pressSequentially('Bruxelles');
      await page.getByTestId('shares-address-country').selectOption('BE');
      await page.getByTestId('shares-iban').pressSequentially('BE71 0961 2345 6769');
      await page.getByTestId('shares-consent-statutes').click();
      expect(await page.getByTestId('shares-total').textContent()).toBe('Total: €100.00');
      await page.locator('[data-testid="shares-captcha"][data-state="verified"]').waitFor({ timeout: 30_000 });
      await steps.shot(page, 'form-phone-filled');

      await page.getByTestId('shares-submit').click();
      await page.getByTestId('shares-reference').waitFor({ timeout: 30_000 });
      reference = (await page.getByTestId('shares-reference').textContent())!.trim();
      expect(reference).toMatch(/^SHR-\d{4}-\d{6}$/);
      expect(await page.getByTestId('shares-success').textContent()).toContain(ada.email);
      await steps.shot(page, 'form-phone-sent');
    });
    await journey.stack.sink.waitFor((m) => m.to.includes(ada.email) && m.subject.includes(reference), {
      description: 'the confirmation',
      timeoutMs: 15_000,
    });
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('reads in French on a phone, for an organisation too', async () => {
    const page = await journey.newPage({ ...PHONE, locale: 'fr-BE' });
    await steps.step(page, async () => {
      await page.goto(`${journey.spa.origin}/shares`);
      await waitForLang(page, 'fr');
      await page.getByRole('heading', { level: 1, name: 'Devenir coopérateur' }).waitFor();
      expect(await page.getByTestId('shares-class-B').textContent()).toMatch(/25,00\s€\spar part/);
      await page.getByTestId('shares-submit').click();
      await page.getByTestId('shares-statutes-error').waitFor();
      expect(await page.getByTestId('shares-statutes-error').textContent()).toBe('Veuillez accepter les statuts');
      await steps.shot(page, 'form-phone-fr-errors');
      // An organisation: only the classes open to organisations, its legal details and representatives.
      await page.getByTestId('shares-kind-organisation').click();
      await page.getByTestId('shares-organisation').waitFor();
      expect(await page.getByTestId('shares-class-A').count()).toBe(0);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await steps.shot(page, 'form-phone-fr-organisation');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 60_000);

  it('approved, paid by the statement finance imports: the cooperator downloads the certificate from My shares on a phone', async () => {
    const { stack } = journey;
    const found = (await officer.client.GET('/api/v1/share-subscriptions')).data!.items.find(
      (s) => s.reference === reference,
    )!;
    const approved = await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: found.approvalRequestId! } },
      body: {},
    });
    expect(approved.response.status).toBe(200);
    const { token } = await linkTokenFromEmail(stack.sink, ada.email, /Activate your member account/, '/activate');
    const activated = await stack.client.POST('/api/v1/auth/activate', { body: { token, password: ada.password } });
    expect(activated.response.status).toBe(200);

    const page = await journey.newPage(PHONE);
    await steps.step(page, async () => {
      await steps.signIn(page, ada.email, ada.password);
      await steps.phoneSection(page, 'portal-shares');
      await page.getByTestId('my-shares-own').waitFor();
      // Approved, not yet paid: the capital release request to pay, with its reference.
      await page.getByTestId('capital-release').waitFor();
      expect(await page.getByTestId('capital-release').textContent()).toContain('€100.00');
      expect(await page.getByTestId('capital-release-transfer').textContent()).toMatch(/RF\d{2}/);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
      await steps.shot(page, 'my-shares-phone-to-pay');
    });

    // Finance imports the bank's statement in the back office: its line pays the capital release request.
    const crr = (await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: found.id } } }))
      .data!.capitalReleaseRequest!;
    const statement = generateCamt053(
      [{ reference: crr.paymentReference!.replace(/ /g, ''), amount: 10000, payer: 'Ada Lovelace' }],
      { statementId: 'BE71-2026-BROWSER', bookingDate: new Date().toISOString().slice(0, 10) },
    );
    const office = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    await steps.step(office, async () => {
      await steps.signIn(office, finance.email, finance.password);
      await office.getByTestId('nav-bank-statements').click();
      await openStatementUpload(office);
      await pickStatement(office, {
        name: 'statement-2026.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(statement),
      });
      await office.getByTestId('upload-statement-submit').click();
      expect(await importFigures(office)).toEqual({
        lines: '1',
        matched: '1',
        suggested: '0',
        toReview: '0',
        duplicates: '0',
        ignored: '0',
      });
      await steps.shot(office, 'statement-imported');
      await office.getByTestId('upload-statement-open').click();
      const line = office.locator('[data-testid="bank-line-row"][data-state="matched"]');
      await line.waitFor();
      expect(await line.getByTestId('bank-line-reference-document').textContent()).toBe(crr.number);
      expect(await line.getByTestId('bank-line-receipt').textContent()).toMatch(/REC-\d{4}-\d{6}/);
      await steps.shot(office, 'statement-matched');
    });

    await steps.step(page, async () => {
      await page.reload();
      await page.getByTestId('certificate').waitFor();
      expect(await page.getByTestId('holding').textContent()).toContain('4 class B shares');
      expect(await page.getByTestId('holding').textContent()).toContain('Numbers 1–4');
      const number = (await page.getByTestId('cooperator-number').textContent())!.trim();
      expect(number).toMatch(/^Cooperator C-\d{6}$/);
      await steps.shot(page, 'my-shares-phone-cooperator');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('certificate-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^C-\d{6}-B-1\.pdf$/);
      const text = await pdfText(readFileSync((await download.path())!));
      for (const expected of [
        'Share certificate',
        'Ada Lovelace',
        '4 class B shares',
        number.replace('Cooperator ', ''),
      ])
        expect(text).toContain(expected);

      // Selling one back is a request to the co-operative (an operation under approval).
      await page.getByTestId('sell-back').click();
      await page.getByTestId('sell-back-form').getByRole('button', { name: 'Ask to sell back' }).click();
      await page.getByText(/Request SOP-|Request .* sent/).waitFor();
      await steps.shot(page, 'my-shares-phone-sell-back');
    });
    const memberToken = (await stack.client.POST('/api/v1/auth/login', { body: ada })).data!.accessToken;
    const operations = (await authorized(stack, memberToken).GET('/api/v1/me/share-operations')).data!.items;
    expect(operations).toEqual([expect.objectContaining({ kind: 'redemption', quantity: 1, state: 'pending' })]);
    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('the cooperator asks on a phone to transfer shares to a member named by number and e-mail, and sees it under review', async () => {
    const { stack } = journey;
    // Bob: a member once his own subscription is approved (not paid yet), so not a cooperator.
    const bob = { firstName: 'Bob', lastName: 'Builder', email: uniqueEmail('bob') };
    const made = await officer.client.POST('/api/v1/share-subscriptions', {
      body: {
        kind: 'individual',
        shareClassId: (await admin.GET('/api/v1/share-classes')).data!.find((c) => c.code === 'B')!.id,
        quantity: 1,
        person: bob,
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: made.data!.approvalRequestId! } },
      body: {},
    });
    const bobMemberId = (
      await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: made.data!.id } } })
    ).data!.holder.memberId!;
    const bobNumber = (await officer.client.GET('/api/v1/members/{id}', { params: { path: { id: bobMemberId } } }))
      .data!.number;
    const memberToken = (await stack.client.POST('/api/v1/auth/login', { body: ada })).data!.accessToken;

    const page = await journey.newPage(PHONE);
    const dialog = page.getByTestId('transfer-dialog');
    await steps.step(page, async () => {
      await steps.signIn(page, ada.email, ada.password);
      await steps.phoneSection(page, 'portal-shares');
      // The sale asked for before is under review, and may be withdrawn.
      const sale = page.locator('[data-testid="share-operation"][data-kind="redemption"]');
      await sale.waitFor();
      expect(await sale.textContent()).toContain('Sell back 1 class B share');

      await page.getByTestId('transfer-shares').click();
      await dialog.waitFor();
      await page.getByTestId('transfer-review').click();
      await dialog.getByText('This field is required').first().waitFor();
      expect(await dialog.getByText('This field is required').count()).toBe(2);
      await page.getByTestId('transfer-quantity').fill('2');
      await page.getByTestId('transfer-number').fill(bobNumber.toLowerCase());
      await page.getByTestId('transfer-email').fill(uniqueEmail('not-bob'));
      // Corrected, the messages go.
      await dialog.getByText('This field is required').first().waitFor({ state: 'detached' });
      await steps.shot(page, 'my-shares-phone-transfer');

      // The summary, then the server: the number does not go with this e-mail, said next to the number.
      await page.getByTestId('transfer-review').click();
      await page.getByTestId('transfer-summary').waitFor();
      expect(await page.getByTestId('transfer-summary-shares').textContent()).toBe(
        '2 class B shares (Supporter shares)',
      );
      expect(await page.getByTestId('transfer-summary-to').textContent()).toContain(bobNumber);
      await page.getByTestId('transfer-confirm').click();
      await dialog.getByText('No member has this number with this e-mail address').waitFor();
      expect(await page.getByTestId('transfer-summary').count()).toBe(0);
      await steps.shot(page, 'my-shares-phone-transfer-unknown');

      await page.getByTestId('transfer-email').fill(bob.email);
      await page.getByTestId('transfer-note').fill('For the neighbourhood project');
      await page.getByTestId('transfer-review').click();
      await page.getByTestId('transfer-summary').waitFor();
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await steps.shot(page, 'my-shares-phone-transfer-summary');
      await page.getByTestId('transfer-confirm').click();
      await dialog.waitFor({ state: 'hidden' });
      const transfer = page.locator('[data-testid="share-operation"][data-kind="transfer"]');
      await transfer.waitFor();
      expect(await transfer.textContent()).toContain('Transfer of 2 class B shares to Bob Builder');
      expect(await transfer.textContent()).toContain('under review');
      await steps.shot(page, 'my-shares-phone-transfer-pending');

      // Ada changes her mind about the sale.
      await sale.getByTestId('share-operation-withdraw').click();
      await page.getByTestId('share-operation-withdraw-confirm').click();
      await sale.waitFor({ state: 'detached' });
      await waitForCount(page, '[data-testid="share-operation"]', 1);

      // Back from Stripe Checkout after paying a capital release request: on My shares, not My invoices.
      const [release] = (await authorized(stack, memberToken).GET('/api/v1/me/shares')).data!.own!
        .capitalReleaseRequests;
      await page.goto(`${journey.spa.origin}/portal/shares?paid=${release.id}`);
      await page.getByTestId('payment-return-confirmed').waitFor();
      await page.getByTestId('payment-return-confirmed').locator('.n-alert__close').click();
      await page.waitForURL((url) => !url.searchParams.has('paid'));
    });

    await steps.step(page, async () => {
      await steps.speak(page, memberToken, 'fr');
      const transfer = page.locator('[data-testid="share-operation"][data-kind="transfer"]');
      await transfer.waitFor();
      expect(await transfer.textContent()).toContain('Cession de 2 parts de catégorie B à Bob Builder');
      await page.getByTestId('transfer-shares').click();
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Son numéro de membre ou de coopérateur');
      await page.getByTestId('transfer-number').fill('12');
      await page.getByTestId('transfer-review').click();
      await dialog.getByText('Saisissez un numéro comme M-000012 ou C-000012').waitFor();
      await steps.shot(page, 'my-shares-phone-transfer-fr');
      await page.getByTestId('transfer-number').fill(bobNumber);
      await page.getByTestId('transfer-email').fill(bob.email);
      await page.getByTestId('transfer-review').click();
      await page.getByTestId('transfer-summary').waitFor();
      expect(await page.getByTestId('transfer-summary').textContent()).toContain('Ce qui va se passer');
      await steps.shot(page, 'my-shares-phone-transfer-summary-fr');
      await dialog.getByRole('button', { name: 'Retour' }).click();
      await page.getByTestId('transfer-number').waitFor();
      await dialog.getByRole('button', { name: 'Annuler' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await steps.speak(page, memberToken, 'en');
    });
    const operations = (await authorized(stack, memberToken).GET('/api/v1/me/share-operations')).data!.items;
    expect(operations.map((o) => [o.kind, o.quantity, o.state, o.toHolder?.memberId ?? null])).toEqual([
      ['transfer', 2, 'pending', bobMemberId],
      ['redemption', 1, 'withdrawn', null],
    ]);
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 120_000);
});
