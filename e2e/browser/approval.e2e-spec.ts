import type { TesseraClient } from '@tessera/api-client';
import { type Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { svgFile } from '../support/fixtures';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { applyOnline } from './online-application';
import { onePagePdf } from './sample-files';

/**
 * An application approved in the browser: the admin sets up (over the API) an approver, a
 * one-level flow naming them and a plan on that flow; two people apply. The approver signs in,
 * sees the badge, opens the inbox and the first request, approves it; the applicant's welcome
 * e-mail arrives and the application shows approved with its member link. The approver refuses
 * the second one; the admin looks at the flow editor. Every step is saved as a screenshot.
 */
describe('approval journey (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let aria: StaffSession;
  let flowId: string;
  let planId: string;
  const marie = { email: uniqueEmail('marie'), firstName: 'Marie', lastName: 'Curie' };
  const pierre = { email: uniqueEmail('pierre'), firstName: 'Pierre', lastName: 'Curie' };
  let marieApplication: { id: string; reference: string };
  let pierreApplication: { id: string; reference: string };

  async function shot(page: Page, name: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    await journey.shot(page, name);
  }

  /** Runs a step, saving a screenshot of `page` as "failure" when it throws. */
  async function step(page: Page, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await shot(page, 'failure').catch(() => undefined);
      throw error;
    }
  }

  const apply = (person: typeof marie) => applyOnline(journey.stack, planId, person);

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  beforeAll(async () => {
    journey = await startBrowserJourney('approval');
    const { stack } = journey;
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    aria = await activatedStaff(stack, admin, 'Aria Approver', ['approver']);

    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Aria decides',
        subjectType: 'application',
        levels: [{ name: 'Membership review', approverUserIds: [aria.id], policy: 'any', dueInDays: 5 }],
      },
    });
    expect(flow.response.status).toBe(201);
    flowId = flow.data!.id;
    planId = await createYearlyPlan(admin, {
      code: 'approval-journey',
      name: 'Individual membership',
      approvalFlowId: flowId,
    });

    marieApplication = await apply(marie);
    pierreApplication = await apply(pierre);
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('the approver sees the badge, opens the inbox and the request, and approves it; the applicant is welcomed', async () => {
    const { stack } = journey;
    const page = await journey.newPage({ viewport: { width: 1280, height: 860 } });

    await step(page, async () => {
      await signIn(page, aria.email, aria.password);
      await page.locator('[data-testid="nav-approvals-badge"][data-count="2"]').waitFor();
      await shot(page, 'approver-dashboard-badge');

      await page.getByTestId('nav-approvals').click();
      const row = page.locator(`[data-testid="approval-row"][data-subject-id="${marieApplication.id}"]`);
      await row.waitFor();
      expect(await page.getByTestId('approval-row').count()).toBe(2);
      expect(await row.textContent()).toContain(marieApplication.reference);
      expect(await row.textContent()).toContain('Membership review');
      expect(await row.textContent()).toContain('Awaiting you');
      await shot(page, 'inbox');

      await row.getByTestId('approval-link').click();
      await page.getByTestId('approval-levels').waitFor();
      await page.getByTestId('file-thumbnail-photo').waitFor();
      expect(await page.getByTestId('approval-status').first().textContent()).toContain('Pending');
      expect(await page.getByTestId('approval-cancel').count()).toBe(0);
      await shot(page, 'request-detail');

      await page.getByTestId('approval-approve').click();
      await page.getByTestId('approve-comment').fill('Documents checked, welcome aboard.');
      await shot(page, 'approve-dialog');
      await page.getByTestId('approve-submit').click();
      await page.locator('[data-testid="approval-summary"] [data-status="approved"]').waitFor();
      expect(await page.getByTestId('approval-approve').count()).toBe(0);
      await page.getByTestId('approval-event-request-approved').waitFor();
      expect(await page.getByTestId('approval-history').textContent()).toContain('Documents checked, welcome aboard.');
      // The badge follows: one request left.
      await page.locator('[data-testid="nav-approvals-badge"][data-count="1"]').waitFor();
      await shot(page, 'request-approved');

      // Documents can still be attached once it is closed; the server judges the bytes (415).
      await page.getByTestId('approval-attach').click();
      const attach = page.getByTestId('attach-dialog');
      await attach.getByTestId('attach-file').setInputFiles({
        name: 'minutes.pdf',
        mimeType: 'application/pdf',
        buffer: svgFile(),
      });
      await attach.getByTestId('attach-submit').click();
      // The 415's field error shows under the file.
      await attach.getByText(/must be a PDF, JPEG or PNG file/).waitFor();
      await shot(page, 'attach-refused-type');
      await attach.getByTestId('attach-file').setInputFiles({
        name: 'minutes.pdf',
        mimeType: 'application/pdf',
        buffer: onePagePdf('Board minutes'),
      });
      await attach.getByTestId('attach-comment').fill('Minutes of the board meeting');
      await attach.getByTestId('attach-submit').click();
      await attach.waitFor({ state: 'hidden' });
      await page.getByTestId('approval-attachment').filter({ hasText: 'minutes.pdf' }).waitFor();
      await page.getByTestId('approval-event-attached').waitFor();
    });

    const welcome = await stack.sink.waitFor(
      (message) => message.to.includes(marie.email) && /Welcome: your application .* is approved/.test(message.subject),
      { description: 'the welcome e-mail', timeoutMs: 15_000 },
    );
    expect(welcome.subject).toContain(marieApplication.reference);

    await step(page, async () => {
      await page.getByTestId('approval-subject-link').click();
      await page.getByTestId('application-summary').waitFor();
      await page.locator('[data-testid="application-summary"] [data-testid="application-status"]').waitFor();
      expect(
        await page.locator('[data-testid="application-summary"] [data-testid="application-status"]').textContent(),
      ).toContain('Approved');
      const memberLink = page.getByTestId('application-member-link');
      await memberLink.waitFor();
      await page.getByTestId('subject-approval').waitFor();
      expect(await page.getByTestId('subject-approval').textContent()).toContain('Approved');
      await shot(page, 'application-approved');

      await memberLink.click();
      await page.waitForURL(/\/office\/members\/[0-9a-f-]{36}$/);
      await page.getByText('Marie Curie').first().waitFor();
      await shot(page, 'member');
    });
  });

  it('the approver refuses the other request with a reason, on a phone', async () => {
    const page = await journey.newPage({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await step(page, async () => {
      await signIn(page, aria.email, aria.password);
      await page.goto(`${journey.spa.origin}/office/approvals`);
      const row = page.locator(`[data-testid="approval-row"][data-subject-id="${pierreApplication.id}"]`);
      await row.waitFor();
      await shot(page, 'phone-inbox');

      await row.getByTestId('approval-link').click();
      await page.getByTestId('approval-refuse').click();
      await page.getByTestId('refuse-approval-submit').click();
      await page.getByTestId('refuse-approval-dialog').getByText('Give the reason.').waitFor();
      await page.getByTestId('refuse-approval-reason').fill('The licence number could not be verified.');
      await shot(page, 'phone-refuse-dialog');
      await page.getByTestId('refuse-approval-submit').click();
      await page.locator('[data-testid="approval-summary"] [data-status="refused"]').waitFor();
      await page.getByTestId('approval-event-request-refused').waitFor();
      await shot(page, 'phone-request-refused');

      await page.getByTestId('approval-back').click();
      await page.getByTestId('approvals-table').getByTestId('empty-state').waitFor();
      await shot(page, 'phone-inbox-empty');
    });
  });

  it('the admin edits approval flows: the list, the editor, and a level without approvers', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    await step(page, async () => {
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.getByTestId('nav-approval-flows').click();
      const row = page.locator(`[data-testid="flow-row"][data-flow-id="${flowId}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('Aria Approver');
      await shot(page, 'flows');

      await row.getByTestId('flow-edit').click();
      const dialog = page.getByTestId('flow-form-dialog');
      await dialog.getByTestId('flow-level-0').waitFor();
      await dialog.getByTestId('flow-add-level').click();
      const second = dialog.getByTestId('flow-level-1');
      await second.getByTestId('flow-level-name').fill('Board');
      await dialog.getByTestId('flow-form-submit').click();
      await second.getByText('Name at least one approver, or choose a role.').waitFor();
      await shot(page, 'flow-editor-error');

      await second.getByTestId('flow-level-up').click();
      expect(await dialog.getByTestId('flow-level-0').getByTestId('flow-level-name').inputValue()).toBe('Board');
      await dialog.getByTestId('flow-level-0').getByTestId('flow-level-remove').click();
      await dialog.getByTestId('flow-form-submit').click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByTestId('nav-plans').click();
      await page.locator('[data-testid="plan-edit"][data-plan-code="approval-journey"]').click();
      const planDialog = page.getByTestId('plan-form-dialog');
      await planDialog.getByTestId('plan-form-approval-flow').getByText('Aria decides').waitFor();
      await shot(page, 'plan-flow-picker');
    });
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  });
});
