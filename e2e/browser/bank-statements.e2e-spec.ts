import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';
import { importFigures, openStatementUpload, pickStatement, type StatementFile } from './statement-upload';

/** A CSV export of a Belgian bank: Bea's transfer without a reference, a debit, a stranger's gift. */
const STATEMENT = Buffer.from(
  [
    "Numéro de séquence;Date d'exécution;Date valeur;Montant;Devise;Numéro de compte;Type de transaction;Contrepartie;Nom contrepartie;Communication;Détails",
    '2026-0101;02/03/2026;02/03/2026;60,00;EUR;BE68 5390 0754 7034;Virement en euros;BE71 0961 2345 6769;B. BANKER;cotisation annuelle;',
    '2026-0102;02/03/2026;02/03/2026;-25,00;EUR;BE68 5390 0754 7034;Paiement;BE62 5100 0754 7061;Imprimerie Lambert;Facture 118;',
    '2026-0103;03/03/2026;03/03/2026;15,00;EUR;BE68 5390 0754 7034;Virement en euros;;Jean Dupont;remboursement repas;',
  ].join('\n'),
);
const MARCH_EXPORT: StatementFile = { name: 'export-2026-03.csv', mimeType: 'text/csv', buffer: STATEMENT };

/**
 * Bank statements in a browser. Bea is approved: her first invoice (€60.00) is open. Fiona
 * (finance) uploads her bank's CSV export for an account seen for the first time: the mapping
 * step starts from the Belgian layout it recognises, she saves it and the import shows its
 * figures. In the review queue she pays Bea's invoice with her transfer and sets the stranger's
 * aside; Bea sees the receipt in My payments. The same file again is refused, in French, and so is
 * a file with a line it cannot read.
 * Screens in English and French in test-artifacts/screenshots/bank-statements.
 */
describe('bank statements (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let finance: StaffSession;
  let financePage: Page;
  let memberPage: Page;
  const bea = { email: uniqueEmail('bea-banker'), password: 'Member-Password-Bea-2' };
  let memberToken: string;
  let invoice: { id: string; number: string };
  let receiptNumber: string;

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];

  const lineOf = (page: Page, payer: string) =>
    page.getByTestId('bank-line-row').filter({ has: page.getByTestId('bank-line-payer').getByText(payer) });

  beforeAll(async () => {
    journey = await startBrowserJourney('bank-statements');
    ({ shot, step, signIn, speak } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    finance = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    const approver = await activatedStaff(stack, admin, 'Paul Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Bank review',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const planId = await createYearlyPlan(admin, {
      code: 'browser-bank',
      name: 'Standard membership',
      approvalFlowId: flow.data!.id,
    });
    ({ token: memberToken } = await approvedMember(stack, admin, approver, planId, {
      firstName: 'Bea',
      lastName: 'Banker',
      email: bea.email,
      password: bea.password,
    }));
    const mine = (await authorized(stack, memberToken).GET('/api/v1/me/invoices')).data!;
    expect(mine.items).toMatchObject([{ kind: 'invoice', state: 'open', amountDue: { amount: 6000 } }]);
    invoice = { id: mine.items[0].id, number: mine.items[0].number };

    financePage = await journey.newPage({ viewport: { width: 1366, height: 900 } });
    memberPage = await journey.newPage({ viewport: { width: 1280, height: 860 } });
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('finance uploads a CSV of a new account, maps its columns once and sees what the import did', async () => {
    const page = financePage;
    await step(page, async () => {
      await signIn(page, finance.email, finance.password);
      await page.getByTestId('nav-bank-statements').click();
      await page.getByTestId('statements-table').getByTestId('empty-state').waitFor();
      await shot(page, 'statements-empty-en');

      await openStatementUpload(page);
      const dialog = page.getByTestId('upload-statement-dialog');
      // Nothing chosen: the problems show next to the fields.
      await page.getByTestId('upload-statement-submit').click();
      await dialog.locator('.n-form-item-feedback--error').first().waitFor();
      expect(await dialog.locator('.n-form-item-feedback--error').first().textContent()).toContain(
        'Choose the statement file.',
      );

      // The format follows the file's name.
      await pickStatement(page, MARCH_EXPORT);
      await page.getByTestId('upload-statement-account').click();
      await page.keyboard.type('BE68 5390 0754 7034');
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('upload-account-hint').textContent()).toContain('A new account');
      await shot(page, 'upload-en');
      await page.getByTestId('upload-statement-submit').click();

      // The mapping step: the first rows, and the Belgian layout recognised.
      await page.getByTestId('csv-mapping-step').waitFor();
      expect(await page.getByTestId('csv-preview').textContent()).toContain('B. BANKER');
      expect(await page.getByTestId('csv-preset').textContent()).toContain('Belgium');
      expect(await page.getByTestId('csv-column-bookingDate').textContent()).toContain("Date d'exécution");
      await shot(page, 'mapping-en');
      // The upload is held on its way to the API, to see its progress before the figures.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/v1/bank-statements', async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        await held;
        await route.continue();
      });
      await page.getByTestId('csv-mapping-save').click();
      await page.getByTestId('upload-statement-dialog').getByTestId('upload-progress').waitFor();
      await shot(page, 'uploading-en');
      release();

      expect(await importFigures(page)).toEqual({
        lines: '3',
        matched: '0',
        suggested: '0',
        toReview: '2',
        duplicates: '0',
        ignored: '1',
      });
      await page.unroute('**/api/v1/bank-statements');
      await shot(page, 'imported-en');

      const saved = await finance.client.GET('/api/v1/bank-csv-mappings/{iban}', {
        params: { path: { iban: 'BE68539007547034' } },
      });
      expect(saved.data).toMatchObject({ accountIban: 'BE68539007547034', updatedBy: { name: 'Fiona Finance' } });

      await page.getByTestId('upload-statement-open').click();
      await page.getByTestId('statement-facts').waitFor();
      expect(await page.getByTestId('statement-facts').textContent()).toContain('BE68539007547034');
      await page.locator('[data-testid="bank-line-row"]').nth(2).waitFor();
      expect(await lineOf(page, 'Imprimerie Lambert').getAttribute('data-state')).toBe('ignored');
      expect(await lineOf(page, 'B. BANKER').getAttribute('data-state')).toBe('to-review');
      await shot(page, 'statement-en');
    });
  });

  it('finance pays Bea’s invoice with her transfer and sets the stranger’s aside in the review queue', async () => {
    // Bea looks at her invoices meanwhile: it is open.
    const myInvoice = memberPage.locator(`[data-testid="my-invoice-row"][data-number="${invoice.number}"]`);
    await step(memberPage, async () => {
      await signIn(memberPage, bea.email, bea.password);
      await memberPage.getByTestId('nav-portal-invoices').click();
      expect(await myInvoice.getAttribute('data-state')).toBe('open');
    });
    const page = financePage;
    await step(page, async () => {
      await page.getByTestId('statement-back').click();
      await page.getByTestId('statements-review').click();
      await lineOf(page, 'Jean Dupont').waitFor();
      expect(await page.getByTestId('bank-line-row').count()).toBe(2);
      await shot(page, 'review-en');

      await lineOf(page, 'B. BANKER').getByTestId('bank-line-resolve').click();
      const dialog = page.getByTestId('resolve-line-dialog');
      await dialog.waitFor();
      // Paying documents needs a member.
      await page.getByTestId('resolve-line-submit').click();
      await dialog.locator('.n-form-item-feedback--error').first().waitFor();
      await page.getByTestId('resolve-line-member').click();
      await page.keyboard.type('Bea');
      await page.locator('.n-base-select-option', { hasText: 'Bea Banker' }).click();
      const document = page.locator(`[data-testid="resolve-line-document"][data-number="${invoice.number}"]`);
      await document.click();
      expect(await page.getByTestId('resolve-line-spread').textContent()).toContain(`Pays €60.00 of ${invoice.number}`);
      await page.getByTestId('resolve-line-note').fill('Annual fee, sent without reference');
      await shot(page, 'resolve-en');
      await page.getByTestId('resolve-line-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      const paid = page.locator('[data-testid="bank-line-row"][data-state="resolved"]');
      await paid.waitFor();
      receiptNumber = ((await paid.getByTestId('bank-line-receipt').textContent()) ?? '').replace('Receipt', '').trim();
      expect(receiptNumber).toMatch(/^REC-\d{4}-\d{6}$/);
      expect(await paid.getByTestId('bank-line-decided').textContent()).toContain('By Fiona Finance');

      await lineOf(page, 'Jean Dupont').getByTestId('bank-line-resolve').click();
      await dialog.waitFor();
      await page.getByTestId('resolve-line-ignore').click();
      await page.getByTestId('resolve-line-submit').click();
      await dialog.locator('.n-form-item-feedback--error').first().waitFor();
      await page.getByTestId('resolve-line-reason').fill('Refund of a dinner, not a payment to us');
      await page.getByTestId('resolve-line-submit').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.locator('[data-testid="bank-line-row"][data-state="ignored"]').waitFor();
      await shot(page, 'review-decided-en');

      const document_ = await admin.GET('/api/v1/invoices/{id}', { params: { path: { id: invoice.id } } });
      expect(document_.data).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
      await page.getByTestId('review-refresh').click();
      await page.getByTestId('bank-lines-table').getByTestId('empty-state').waitFor();
    });

    // Her page reads again when she comes back to it (from her bank's app): paid, without a reload.
    await step(memberPage, async () => {
      await memberPage.evaluate("document.dispatchEvent(new Event('visibilitychange'))");
      await memberPage
        .locator(`[data-testid="my-invoice-row"][data-number="${invoice.number}"][data-state="paid"]`)
        .waitFor();
    });
  });

  it('Bea (signed in above) sees the receipt in My payments, in English and French', async () => {
    const page = memberPage;
    await step(page, async () => {
      await page.getByTestId('nav-portal-payments').click();
      const line = page.locator(`[data-testid="payment-row"][data-receipt="${receiptNumber}"]`);
      await line.waitFor();
      expect(await line.getByTestId('payment-amount').textContent()).toBe('€60.00');
      expect(await line.getByTestId('payment-document').textContent()).toContain(invoice.number);
      await shot(page, 'my-payments-en');
      await speak(page, memberToken, 'fr');
      await line.waitFor();
      await shot(page, 'my-payments-fr');
    });
  });

  it('in French: the statements, the statement, and the same file refused as imported before', async () => {
    const page = financePage;
    await step(page, async () => {
      await speak(page, finance.token, 'fr');
      await page.getByTestId('nav-bank-statements').click();
      const statement = page.locator('[data-testid="statement-row"][data-file="export-2026-03.csv"]');
      await statement.waitFor();
      expect(await statement.getByTestId('statement-open').textContent()).toBe('Tout est traité');
      await shot(page, 'statements-fr');

      await openStatementUpload(page);
      await pickStatement(page, MARCH_EXPORT, 'BE68539007547034');
      expect(await page.getByTestId('upload-account-hint').textContent()).toContain('est enregistrée');
      await page.getByTestId('upload-statement-submit').click();
      await page.getByTestId('upload-already-imported').waitFor();
      expect(await page.getByTestId('form-alert').textContent()).toContain('Ce fichier a déjà été importé');
      await shot(page, 'already-imported-fr');
      await page.getByTestId('upload-already-imported').getByRole('link').click();
      await page.getByTestId('statement-facts').waitFor();
      await page.locator('[data-testid="bank-line-row"][data-state="resolved"]').waitFor();
      await shot(page, 'statement-fr');
      // The paid invoice's page names its language in French (it is in Bea's, English).
      await page.goto(`${journey.spa.origin}/office/invoices/${invoice.id}`);
      expect(await page.getByTestId('invoice-language').textContent()).toBe('Anglais');
      await shot(page, 'invoice-fr');

      // A file the parser cannot read is refused in French: the API's code, worded by the SPA.
      await page.getByTestId('nav-bank-statements').click();
      await openStatementUpload(page);
      await pickStatement(
        page,
        {
          name: 'export-2026-04.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(STATEMENT.toString('utf8').replace('60,00;EUR', 'soixante;EUR')),
        },
        'BE68539007547034',
      );
      await page.getByTestId('upload-statement-submit').click();
      await page
        .getByTestId('upload-statement-dialog')
        .getByText('Une ligne de ce relevé est illisible', { exact: false })
        .waitFor();
      await shot(page, 'unreadable-line-fr');
      expect((await finance.client.GET('/api/v1/bank-statements')).data!.total).toBe(1);
    });
  });
});
