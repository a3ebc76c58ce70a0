import { readFileSync } from 'node:fs';
import type { TesseraClient } from '@tessera/api-client';
import type { Page } from 'playwright-core';
import { parseCsv } from '../support/csv';
import { startBrowserJourney, waitForLang, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';

const DESKTOP = { viewport: { width: 1366, height: 900 } };

/**
 * The back office of questionnaires (issue 19). Olga (officer) builds a questionnaire in the
 * builder: a yes/no question and a number shown only when it is answered yes; the builder first
 * refuses a title without its French text, next to the field. She assigns it to Nina by name,
 * then to every member of Basic (Nina is skipped: she has it). The members list finds Nina under
 * "Pending questionnaire". Nina answers through the API; Olga sees the progress, Nina's answers
 * (read-only, in their version), on Nina's page too, and the CSV export. In French, she edits the
 * answered questionnaire: the builder says it makes version 2, and the answers keep version 1.
 * Screens in test-artifacts/screenshots/questionnaires-office.
 */
describe('questionnaires in the back office (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let olga: StaffSession;
  let basicId: string;
  let nina: { token: string; memberId: string; number: string };
  let questionnaireId: string;
  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let signIn: ReturnType<typeof journeySteps>['signIn'];
  let speak: ReturnType<typeof journeySteps>['speak'];
  let page: Page;

  beforeAll(async () => {
    journey = await startBrowserJourney('questionnaires-office');
    ({ shot, step, signIn, speak } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    basicId = await createYearlyPlan(admin, { code: 'basic', name: 'Basic membership' });
    const { token } = await approvedMember(stack, admin, olga, basicId, {
      firstName: 'Nina',
      lastName: 'Quest',
      email: uniqueEmail('nina'),
      password: 'Member-Password-Nina-9',
    });
    const me = await authorized(stack, token).GET('/api/v1/me');
    nina = { token, memberId: me.data!.member!.id, number: me.data!.member!.number };
    page = await journey.newPage(DESKTOP);
  }, 180_000);

  afterAll(async () => {
    await journey?.close();
  });

  /** Fills a text in both languages (the builder's EN and FR inputs). */
  async function fillBoth(scope: Page | ReturnType<Page['locator']>, testid: string, en: string, fr: string) {
    await scope.getByTestId(`${testid}-en`).fill(en);
    await scope.getByTestId(`${testid}-fr`).fill(fr);
  }

  /** Picks `label` in the naive-ui select `testid` inside `scope`. */
  async function choose(scope: Page | ReturnType<Page['locator']>, testid: string, label: string | RegExp) {
    // A menu closed a moment ago may still be fading out, with the same options: wait it out.
    await page.locator('.n-base-select-menu:visible').first().waitFor({ state: 'detached' });
    await scope.getByTestId(testid).click();
    // The menu scales in: a click during its entrance can miss the option and leave it open.
    const menu = page.locator('.n-base-select-menu:visible:not([class*="transition-enter"])').first();
    await menu.locator('.n-base-select-option', { hasText: label }).first().click();
    await page.locator('.n-base-select-menu:visible').first().waitFor({ state: 'detached' });
  }

  it('builds a questionnaire with a conditional question, assigns it, and finds who owes it', async () => {
    await step(page, async () => {
      await signIn(page, olga.email, olga.password);
      await page.getByTestId('nav-questionnaires').click();
      await page.getByText('No questionnaires yet').waitFor();
      await shot(page, 'list-empty-en');

      await page.getByTestId('questionnaire-new').click();
      await page.getByTestId('questionnaire-title-en').waitFor();
      // A title without its French text is refused next to the field; nothing is sent.
      await page.getByTestId('questionnaire-title-en').fill('Company profile');
      await page.getByTestId('questionnaire-save').click();
      await page.getByText('Enter the title in English and French').waitFor();
      await page.getByText('Enter the question in English and French').waitFor();
      await shot(page, 'builder-errors-en');

      await page.getByTestId('questionnaire-title-fr').fill('Profil de l’entreprise');
      await fillBoth(
        page,
        'questionnaire-introduction',
        'A few questions about your company.',
        'Quelques questions sur votre entreprise.',
      );
      const section = page.getByTestId('section-s1');
      await fillBoth(section, 'section-title', 'Your company', 'Votre entreprise');
      const first = page.getByTestId('question-q1');
      await choose(first, 'question-kind', 'Yes / no');
      await fillBoth(first, 'question-label', 'Do you employ staff?', 'Employez-vous du personnel ?');
      await first.getByTestId('question-required').click();

      await section.getByTestId('question-add').click();
      const second = page.getByTestId('question-q2');
      await choose(second, 'question-kind', 'Number');
      await fillBoth(second, 'question-label', 'How many employees?', 'Combien d’employés ?');
      await fillBoth(second, 'question-help', 'Full-time equivalents', 'En équivalents temps plein');
      await second.getByTestId('question-min').fill('1');
      await choose(second, 'question-show-if', 'Do you employ staff?');
      await second.getByTestId('equals-yes').click();
      await second.getByTestId('question-required').click();

      await section.getByTestId('question-add').click();
      const third = page.getByTestId('question-q3');
      await choose(third, 'question-kind', 'Single choice');
      await fillBoth(third, 'question-label', 'Sector', 'Secteur');
      const options = third.getByTestId('question-option');
      await fillBoth(options.nth(0), 'option-label', 'Services', 'Services');
      await fillBoth(options.nth(1), 'option-label', 'Industry', 'Industrie');
      await page.getByTestId('questionnaire-settings').getByTestId('questionnaire-due-days').fill('14');
      await shot(page, 'builder-filled-en');

      await page.getByTestId('questionnaire-save').click();
      await page.getByTestId('questionnaire-progress').waitFor();
      questionnaireId = /questionnaires\/([0-9a-f-]{36})/.exec(page.url())![1]!;
      expect(await page.getByTestId('questionnaire-version').textContent()).toBe('Version 1');
      expect(await page.getByTestId('outline-condition').textContent()).toContain(
        'Shown when “Do you employ staff?” is Yes',
      );
      await page.getByText('Not assigned to anyone yet').waitFor();
      await shot(page, 'questionnaire-new-en');
    });

    // The API holds what the builder sent: the condition on the earlier question.
    const saved = await olga.client.GET('/api/v1/questionnaires/{id}', { params: { path: { id: questionnaireId } } });
    expect(saved.data!.sections[0]!.questions.map((question) => [question.key, question.kind])).toEqual([
      ['q1', 'yes-no'],
      ['q2', 'number'],
      ['q3', 'single-choice'],
    ]);
    expect(saved.data!.sections[0]!.questions[1]).toMatchObject({
      min: 1,
      required: true,
      showIf: { questionKey: 'q1', equals: true },
    });
    expect(saved.data!.sections[0]!.questions[2]!.options!.map((option) => option.value)).toEqual([
      'services',
      'industry',
    ]);

    await step(page, async () => {
      // Assign by name.
      await page.getByTestId('questionnaire-assign').click();
      const dialog = page.getByTestId('assign-dialog');
      await dialog.getByTestId('assign-members').click();
      await page.keyboard.type('Quest');
      await page.locator('.n-base-select-option:visible', { hasText: nina.number }).click();
      await dialog.getByText('Members', { exact: true }).click(); // closes the menu
      await shot(page, 'assign-by-name-en');
      await dialog.getByTestId('assign-submit').click();
      await page.getByText('Assigned to 1 member').waitFor();
      await page.locator('[data-testid="progress-assigned"][data-count="1"]').waitFor();
      await page.locator('[data-testid="assignment-row"][data-state="pending"]').waitFor();

      // Assign to every member of Basic: the dialog counts them; Nina already has it.
      await page.getByTestId('questionnaire-assign').click();
      await dialog.getByTestId('assign-mode-filter').click();
      await choose(dialog, 'assign-plan', 'Basic membership');
      await dialog.locator('[data-testid="assign-count"][data-count="1"]').waitFor();
      expect(await dialog.getByTestId('assign-count').textContent()).toContain('1 member matches');
      await shot(page, 'assign-by-filter-en');
      await dialog.getByTestId('assign-submit').click();
      await page.getByText('Assigned to 0; 1 already had it').waitFor();

      // The members list finds her among those who still owe an answer.
      await page.getByTestId('nav-members').click();
      await choose(page, 'members-pending-questionnaire', 'Company profile');
      await page.waitForURL(/pendingQuestionnaire=/);
      await page.locator(`[data-testid="member-row"][data-member-id="${nina.memberId}"]`).waitFor();
      expect(await page.getByTestId('member-row').count()).toBe(1);
      await shot(page, 'members-pending-en');
    });

    // Nina answers through the API: staff are asked about staff, so the number is asked too.
    const member = authorized(journey.stack, nina.token);
    const mine = await member.GET('/api/v1/me/questionnaires');
    const assignmentId = mine.data!.pending[0]!.id;
    const submitted = await member.POST('/api/v1/me/questionnaires/{assignmentId}/submit', {
      params: { path: { assignmentId } },
      body: { answers: { q1: true, q2: 12, q3: 'industry' } },
    });
    expect(submitted.response.status).toBe(200);

    await step(page, async () => {
      await page.goto(`${journey.spa.origin}/office/members?pendingQuestionnaire=any`);
      await page.getByText('No members match these filters').waitFor();

      await page.goto(`${journey.spa.origin}/office/questionnaires/${questionnaireId}`);
      await page.locator('[data-testid="progress-submitted"][data-count="1"]').waitFor();
      expect(await page.getByTestId('progress-pending').getAttribute('data-count')).toBe('0');
      await page.getByTestId('progress-submitted').click();
      await page.waitForURL(/state=submitted/);
      await page.locator('[data-testid="assignment-row"][data-state="submitted"]').waitFor();
      await shot(page, 'questionnaire-answered-en');
      await page.getByTestId('assignment-open').click();
      const answers = page.getByTestId('assignment-dialog').getByTestId('answer');
      await answers.first().waitFor();
      expect(await answers.allInnerTexts()).toEqual([
        expect.stringMatching(/Do you employ staff\?\s+Yes/),
        expect.stringMatching(/How many employees\?\s+12/),
        expect.stringMatching(/Sector\s+Industry/),
      ]);
      await shot(page, 'answers-en');
      await page.keyboard.press('Escape');

      // The CSV export holds her answer.
      const download = page.waitForEvent('download');
      await page.getByTestId('questionnaire-export').click();
      const file = await (await download).path();
      const rows = parseCsv(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      const ninaRow = rows.find((row) => row.includes(nina.number));
      expect(ninaRow).toEqual(expect.arrayContaining(['yes', '12', 'industry']));

      // Her page lists it, answered, with the answers opened in place.
      await page.goto(`${journey.spa.origin}/office/members/${nina.memberId}`);
      const card = page.getByTestId('member-questionnaires');
      await card.locator('[data-testid="member-questionnaire"][data-state="submitted"]').waitFor();
      await card.getByTestId('member-questionnaire-open').click();
      await card.getByTestId('answers').waitFor();
      await card.scrollIntoViewIfNeeded();
      await journey.shot(page, 'member-card-en', { fullPage: false });
    });
  });

  it('in French: the builder says an answered questionnaire gets a new version, and answers keep theirs', async () => {
    await step(page, async () => {
      await speak(page, olga.token, 'fr');
      await page.goto(`${journey.spa.origin}/office/questionnaires`);
      await waitForLang(page, 'fr');
      await page.getByTestId('questionnaire-row').waitFor();
      expect(await page.getByTestId('questionnaire-progress').textContent()).toMatch(/1\s*attribué.*1\s*répondu/);
      await shot(page, 'list-fr');

      await page.getByTestId('questionnaire-edit').click();
      const note = page.getByTestId('questionnaire-version-note');
      await note.waitFor();
      expect(await note.textContent()).toContain('1 membre a répondu à la version 1');
      const third = page.getByTestId('question-q3');
      await third.getByTestId('option-add').click();
      await fillBoth(third.getByTestId('question-option').nth(2), 'option-label', 'Retail', 'Commerce');
      await shot(page, 'builder-edit-fr');
      await page.getByTestId('questionnaire-save').click();
      await page.getByText('Enregistrer la version 2 ?').waitFor();
      await journey.shot(page, 'new-version-confirm-fr', { fullPage: false });
      await page.getByRole('button', { name: 'Enregistrer la version 2' }).click();
      await page.getByText('Enregistré comme version 2').waitFor();
      expect(await page.getByTestId('questionnaire-version').textContent()).toBe('Version 2');
      // Both versions are listed: version 1 still answered by one assignment.
      const versions = page.getByTestId('questionnaire-versions').getByTestId('questionnaire-version-row');
      await versions.nth(1).waitFor();
      expect(await versions.allInnerTexts()).toEqual([
        expect.stringMatching(/Version 2\s+Actuelle[\s\S]*aucune attribution/),
        expect.stringMatching(/Version 1[\s\S]*1 attribution/),
      ]);
      await shot(page, 'questionnaire-v2-fr');

      // Nina's answers keep version 1.
      await page.getByTestId('assignment-open').click();
      const dialog = page.getByTestId('assignment-dialog');
      await dialog.getByTestId('answers').waitFor();
      expect(await dialog.getByTestId('assignment-version').textContent()).toBe(
        'Version 1 de « Profil de l’entreprise »',
      );
      expect(await dialog.getByTestId('answer').nth(0).innerText()).toMatch(/Employez-vous du personnel \?\s+Oui/);
      await shot(page, 'answers-fr');
      await page.keyboard.press('Escape');

      // Assigning in French, and the members list's filter in French.
      await page.getByTestId('questionnaire-assign').click();
      await page.getByTestId('assign-dialog').getByTestId('assign-mode-filter').click();
      await page.locator('[data-testid="assign-count"][data-count]:not([data-count=""])').waitFor();
      await shot(page, 'assign-fr');
      await page.keyboard.press('Escape');
      await page.goto(`${journey.spa.origin}/office/members?pendingQuestionnaire=${questionnaireId}`);
      await page.getByText('Questionnaire en attente').waitFor();
      await shot(page, 'members-filter-fr');
    });

    // On a phone: the progress tiles two by two, the assignments in a narrow table.
    const phone = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await step(phone, async () => {
      await signIn(phone, olga.email, olga.password);
      await phone.goto(`${journey.spa.origin}/office/questionnaires/${questionnaireId}`);
      await waitForLang(phone, 'fr');
      await phone.locator('[data-testid="assignment-row"]').waitFor();
      await shot(phone, 'questionnaire-phone-fr');
      await phone.goto(`${journey.spa.origin}/office/questionnaires/${questionnaireId}/edit`);
      await phone.getByTestId('question-q1').waitFor();
      await shot(phone, 'builder-phone-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  });
});
