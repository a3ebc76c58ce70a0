import { readFileSync } from 'node:fs';
import type { TesseraClient } from '@tessera/api-client';
import type { Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { pdfFile } from '../support/fixtures';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const text = (en: string, fr: string) => ({ en, fr });

/**
 * A member answers a questionnaire on a phone (issue 19). Staff built "Company survey" for the
 * plan: a yes/no, a number shown only on yes, a sector, a comment and the statutes (a file). Ada,
 * approved on the plan, finds it under "Forms", answers "yes" (the number appears), her draft is
 * saved as she goes (a reload keeps it), sending without the required answers shows the messages
 * next to them, she completes, uploads her statutes and sends; her answers are then read-only.
 * Bruno does it in French, answering "no" (the number never shows). Screens in
 * test-artifacts/screenshots/member-questionnaires.
 */
describe('member questionnaires (SPA in Chromium, phone)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let olga: StaffSession;
  let planId: string;
  let steps: ReturnType<typeof journeySteps>;
  const password = 'Member-Password-Quest-1';

  beforeAll(async () => {
    journey = await startBrowserJourney('member-questionnaires');
    steps = journeySteps(journey);
    const login = await journey.stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(journey.stack, login.data!.accessToken);
    olga = await activatedStaff(journey.stack, admin, 'Olga Officer', ['officer']);
    planId = await createYearlyPlan(admin, { code: 'survey', name: 'Survey membership' });
    const created = await olga.client.POST('/api/v1/questionnaires', {
      body: {
        title: text('Company survey', 'Enquête entreprise'),
        introduction: text(
          'Five questions to know your company better. It takes two minutes.',
          'Cinq questions pour mieux connaître votre entreprise. Cela prend deux minutes.',
        ),
        rules: { planIds: [planId], memberKinds: [] },
        dueInDays: 14,
        sections: [
          {
            key: 'company',
            title: text('Your company', 'Votre entreprise'),
            questions: [
              {
                key: 'has-employees',
                kind: 'yes-no',
                label: text('Do you have employees?', 'Avez-vous des employés ?'),
                help: null,
                required: true,
              },
              {
                key: 'employees',
                kind: 'number',
                label: text('How many employees?', 'Combien d’employés ?'),
                help: text('Full-time equivalents', 'En équivalents temps plein'),
                required: true,
                min: 1,
                max: 5000,
                showIf: { questionKey: 'has-employees', equals: true },
              },
              {
                key: 'sector',
                kind: 'single-choice',
                label: text('Your sector', 'Votre secteur'),
                help: null,
                required: true,
                options: [
                  { value: 'food', label: text('Food', 'Alimentation') },
                  { value: 'retail', label: text('Retail', 'Commerce') },
                  { value: 'services', label: text('Services', 'Services') },
                ],
              },
            ],
          },
          {
            key: 'more',
            title: text('A little more', 'Un peu plus'),
            questions: [
              {
                key: 'comment',
                kind: 'long-text',
                label: text('Anything to add?', 'Quelque chose à ajouter ?'),
                help: null,
                required: false,
              },
              {
                key: 'statutes',
                kind: 'file',
                label: text('Your statutes', 'Vos statuts'),
                help: null,
                required: false,
              },
            ],
          },
        ],
      },
    });
    expect(created.response.status).toBe(201);
  }, 120_000);

  afterAll(() => journey?.close());

  async function member(firstName: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const { token } = await approvedMember(journey.stack, admin, olga, planId, {
      firstName,
      lastName: 'Survey',
      email,
      password,
    });
    return { email, token };
  }

  async function openForms(page: Page): Promise<void> {
    await steps.phoneSection(page, 'portal-questionnaires');
    await page.getByTestId('questionnaires-pending').waitFor();
  }

  const saved = (page: Page) => page.locator('[data-testid="draft-state"][data-state="saved"]').waitFor();

  it('a member answers on a phone: conditional question, autosaved draft, errors by the fields, file, read-only', async () => {
    const ada = await member('Ada');
    const page = await journey.newPage(PHONE);
    await steps.step(page, async () => {
      await steps.signIn(page, ada.email, password);
      expect(await page.getByTestId('portal-tabs').locator('a').count()).toBe(5);
      await openForms(page);
      await steps.shot(page, 'list-pending-en');

      await page.getByTestId('answer-questionnaire').click();
      await page.getByTestId('question-has-employees').waitFor();
      expect(await page.getByTestId('question-employees').count()).toBe(0);
      await steps.shot(page, 'form-empty-en');

      await page.getByTestId('question-has-employees').getByTestId('answer-yes').click();
      await page.getByTestId('question-employees').waitFor();
      await saved(page);
      // The draft is on the server: a reload keeps the answer and the question it shows.
      await page.reload();
      await page.getByTestId('question-employees').waitFor();

      await page.getByTestId('submit-questionnaire').click();
      const employeesError = page.getByTestId('question-employees').locator('.n-form-item-feedback--error');
      await employeesError.waitFor();
      expect(await employeesError.innerText()).toContain('Please answer this question.');
      expect(await page.getByTestId('question-sector').innerText()).toContain('Please answer this question.');
      await steps.shot(page, 'form-errors-en');

      await page.getByTestId('question-employees').locator('input').fill('12');
      await page.getByTestId('question-sector').getByTestId('option-retail').click();
      await page.getByTestId('question-comment').locator('textarea').fill('We sell bicycles.');
      await page.getByTestId('answer-file-input').setInputFiles({
        name: 'statutes.pdf',
        mimeType: 'application/pdf',
        buffer: pdfFile(),
      });
      await page.getByTestId('answer-file-name').waitFor();
      await saved(page);
      await steps.shot(page, 'form-filled-en');

      await page.getByTestId('submit-questionnaire').click();
      await page.getByTestId('questionnaire-submitted').waitFor();
      await page.getByTestId('questionnaires-done').waitFor();
      expect(await page.getByTestId('questionnaires-empty').count()).toBe(1);
      await steps.shot(page, 'list-done-en');

      await page.getByTestId('view-answers').click();
      await page.getByTestId('submitted-answers').waitFor();
      expect(await page.getByTestId('answer-employees').innerText()).toBe('12');
      expect(await page.getByTestId('answer-sector').innerText()).toBe('Retail');
      expect(await page.getByTestId('answer-statutes').innerText()).toBe('statutes.pdf');
      // The file answer is a link to her own file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('answer-statutes').getByTestId('answer-file-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('statutes.pdf');
      expect(readFileSync((await download.path())!).equals(pdfFile())).toBe(true);
      expect(await page.getByTestId('submit-questionnaire').count()).toBe(0);
      await steps.shot(page, 'answers-read-only-en');
    });
    expect(journey.pageErrors).toEqual([]);
  });

  it('in French: "no" never shows the number, the messages and the answers in French', async () => {
    const bruno = await member('Bruno');
    const page = await journey.newPage(PHONE);
    await steps.step(page, async () => {
      await steps.signIn(page, bruno.email, password);
      await steps.speak(page, bruno.token, 'fr');
      await openForms(page);
      expect(await page.getByTestId('questionnaires-pending').innerText()).toContain('Enquête entreprise');
      await steps.shot(page, 'list-pending-fr');

      await page.getByTestId('answer-questionnaire').click();
      await page.getByTestId('question-has-employees').getByTestId('answer-no').click();
      await saved(page);
      expect(await page.getByTestId('question-employees').count()).toBe(0);
      await page.getByTestId('submit-questionnaire').click();
      const sectorError = page.getByTestId('question-sector').locator('.n-form-item-feedback--error');
      await sectorError.waitFor();
      expect(await sectorError.innerText()).toContain('Merci de répondre à cette question.');
      await steps.shot(page, 'form-errors-fr');

      await page.getByTestId('question-sector').getByTestId('option-food').click();
      await page.getByTestId('submit-questionnaire').click();
      await page.getByTestId('questionnaire-submitted').waitFor();
      await page.getByTestId('view-answers').click();
      await page.getByTestId('submitted-answers').waitFor();
      expect(await page.getByTestId('answer-has-employees').innerText()).toBe('Non');
      expect(await page.getByTestId('answer-sector').innerText()).toBe('Alimentation');
      expect(await page.getByTestId('answer-employees').count()).toBe(0);
      await steps.shot(page, 'answers-read-only-fr');
    });
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  });
});
