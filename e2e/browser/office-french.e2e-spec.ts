import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { applyOnline } from './online-application';
import { createYearlyPlan } from '../support/plans';

/**
 * The back office for a French-speaking administrator: signed in, every menu reads in French
 * (headings, table columns, dialogs), including the approve dialog's sentence. Each page is
 * saved as a screenshot to check that the longer French words still fit.
 */
describe('back office in French (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let camille: StaffSession;
  let application: { id: string; reference: string };

  async function step(page: Page, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(camille.email);
    await page.getByTestId('signin-password').fill(camille.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  async function heading(page: Page): Promise<string> {
    return ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
  }

  beforeAll(async () => {
    journey = await startBrowserJourney('office-french');
    const { stack } = journey;
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const admin: TesseraClient = authorized(stack, session.data!.accessToken);
    camille = await activatedStaff(stack, admin, 'Camille Lefèvre', ['admin', 'officer'], 'fr');

    // No flow named: the default one asks every membership officer, here Camille alone.
    const planId = await createYearlyPlan(admin, { code: 'office-french', name: 'Adhésion individuelle' });
    application = await applyOnline(stack, planId, {
      email: uniqueEmail('elise'),
      firstName: 'Élise',
      lastName: 'Moreau',
    });
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('speaks French on every back-office page of a French administrator', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 860 } });
    const origin = journey.spa.origin;

    await step(page, async () => {
      await signIn(page);
      expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
      expect(await heading(page)).toMatch(/^(Bonjour|Bonsoir), Camille$/);
      await journey.shot(page, 'dashboard');

      await page.goto(`${origin}/office/applications`);
      await page.getByTestId('application-link').first().waitFor();
      expect(await heading(page)).toBe('Demandes d’adhésion');
      expect(await page.getByTestId('applications-table').textContent()).toContain('En cours d’examen');
      await journey.shot(page, 'applications');

      await page.goto(`${origin}/office/applications/${application.id}`);
      await page.getByTestId('subject-approval').waitFor();
      expect(await page.getByTestId('application-summary').textContent()).toContain('Déposée le');
      await journey.shot(page, 'application-detail');

      await page.goto(`${origin}/office/approvals`);
      await page.getByTestId('approval-row').first().waitFor();
      expect(await heading(page)).toBe('Mes approbations');
      expect(await page.getByTestId('approval-row').first().textContent()).toContain('À décider');
      await journey.shot(page, 'approvals');

      await page.getByTestId('approval-link').first().click();
      await page.getByTestId('approval-levels').waitFor();
      expect(await page.getByTestId('approval-no-attachments').textContent()).toContain(
        'Aucune pièce jointe ajoutée pendant l’examen.',
      );
      await journey.shot(page, 'approval-detail');
      await page.getByTestId('approval-approve').click();
      const approve = page.getByTestId('approve-dialog');
      await approve.waitFor();
      expect(await approve.textContent()).toContain(
        'Approuver cette demande au niveau «\u00a0Officer review\u00a0»\u00a0?',
      );
      await journey.shot(page, 'approve-dialog');
      await page.keyboard.press('Escape');

      const pages: [string, string, string][] = [
        ['members', 'Membres', 'members-table'],
        ['orders', 'Commandes', 'orders-table'],
        ['plans', 'Formules', 'plans-table'],
        ['approval-flows', 'Circuits d’approbation', 'flows-table'],
        ['users', 'Utilisateurs', 'users-table'],
        ['emails', 'E-mails', 'emails-table'],
        ['api-keys', 'Clés d’API', 'api-keys-table'],
      ];
      for (const [path, title, table] of pages) {
        await page.goto(`${origin}/office/${path}`);
        await page.getByTestId(table).waitFor();
        expect(await heading(page)).toBe(title);
        await journey.shot(page, path);
      }

      await page.getByTestId('api-key-create').click();
      await page.getByTestId('api-key-form-dialog').waitFor();
      expect(await page.getByTestId('api-key-form-dialog').textContent()).toContain('Créer une clé d’API');
      await journey.shot(page, 'api-key-dialog');
      await page.keyboard.press('Escape');

      await page.goto(`${origin}/office/plans`);
      await page.getByTestId('plans-create').click();
      await page.getByTestId('plan-form-dialog').waitFor();
      await journey.shot(page, 'plan-dialog');
    });
    expect(journey.pageErrors).toEqual([]);
  }, 90_000); // a dozen pages, each loaded and photographed

  it('fits the French words on a phone: the inbox and a request', async () => {
    const page = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await step(page, async () => {
      await signIn(page);
      await page.goto(`${journey.spa.origin}/office/approvals`);
      await page.getByTestId('approval-row').first().waitFor();
      expect(await heading(page)).toBe('Mes approbations');
      await journey.shot(page, 'phone-approvals');

      await page.getByTestId('approval-link').first().click();
      await page.getByTestId('approval-levels').waitFor();
      await journey.shot(page, 'phone-approval-detail');
    });
    expect(journey.pageErrors).toEqual([]);
  });
});
