import type { TesseraClient } from '@tessera/api-client';
import type { Page } from 'playwright-core';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { applyOnline } from './online-application';

/**
 * The back office's frame on a long page, for a French-speaking officer: scrolled to the bottom of
 * an application's detail in a short window, the top bar is still at the top and the sidebar still
 * fills the window's height, and the screen reads in French.
 */
describe('back-office layout (SPA in Chromium, in French)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let odile: StaffSession;
  let applicationId: string;

  beforeAll(async () => {
    journey = await startBrowserJourney('office-layout');
    const { stack } = journey;
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    odile = await activatedStaff(stack, admin, 'Odile Officier', ['officer'], 'fr');
    const planId = await createYearlyPlan(admin, { code: 'layout-journey', name: 'Adhésion individuelle' });
    const irene = { firstName: 'Irène', lastName: 'Joliot', email: uniqueEmail('irene') };
    applicationId = (await applyOnline(stack, planId, irene)).id;
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  interface Frame {
    scrollY: number;
    pageTaller: number;
    header: { top: number };
    sider: { top: number; bottom: number };
    column: { bottom: number };
    innerHeight: number;
    cornerInSider: boolean;
  }

  /**
   * Where the top bar, the sidebar and its column are in the window, and whether the sidebar is
   * what shows in the window's bottom-left corner. Browser-side code as a string: this file is type-checked
   * without the DOM library.
   */
  function frame(page: Page): Promise<Frame> {
    return page.evaluate(`(() => {
      const rect = (testid) => document.querySelector('[data-testid="' + testid + '"]').getBoundingClientRect();
      const corner = document.elementFromPoint(8, window.innerHeight - 4);
      // Scrolling lands on sub-pixels; "+ 0" turns -0 into 0.
      const whole = (value) => Math.round(value) + 0;
      return {
        scrollY: Math.round(window.scrollY),
        pageTaller: document.documentElement.scrollHeight - window.innerHeight,
        header: { top: whole(rect('office-header').top) },
        sider: { top: whole(rect('office-sider').top), bottom: whole(rect('office-sider').bottom) },
        column: { bottom: whole(rect('office-sider-column').bottom) },
        innerHeight: window.innerHeight,
        cornerInSider: !!(corner && corner.closest('[data-testid="office-sider"]')),
      };
    })()`);
  }

  async function signIn(page: Page, who: { email: string; password: string } = odile): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(who.email);
    await page.getByTestId('signin-password').fill(who.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  it('keeps the top bar and the full-height sidebar in place while a long page scrolls', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 520 }, locale: 'fr-FR' });
    try {
      await signIn(page);
      expect(await page.evaluate('document.documentElement.lang')).toBe('fr');
      expect(await page.getByTestId('nav-applications').textContent()).toBe('Demandes d’adhésion');
      expect(await page.title()).toBe('Tableau de bord · Tessera');

      await page.goto(`${journey.spa.origin}/office/applications/${applicationId}`);
      await page.getByTestId('application-reference').waitFor();
      expect(await page.getByTestId('office-header').textContent()).toContain('Demande d’adhésion');
      await journey.shot(page, 'application-detail-fr');

      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
      const scrolled = await frame(page);
      expect(scrolled.pageTaller).toBeGreaterThan(300);
      expect(scrolled.scrollY).toBeGreaterThan(300);
      expect(scrolled).toMatchObject({
        header: { top: 0 },
        sider: { top: 0, bottom: scrolled.innerHeight },
        // Scrolled to the end, the sidebar's column (its background) ends with the page.
        column: { bottom: scrolled.innerHeight },
        cornerInSider: true,
      });
      await journey.shot(page, 'application-detail-scrolled', { fullPage: false });
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
    expect(journey.pageErrors).toEqual([]);
  });
  it("scrolls an administrator's long menu under a footer that stays on top", async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 520 }, locale: 'fr-FR' });
    try {
      await signIn(page, ADMIN);
      // What shows at the Collapse button's centre, before and after the menu is scrolled to its end.
      const collapseOnTop = `(() => {
        const button = document.querySelector('[data-testid="nav-collapse"]').getBoundingClientRect();
        const shown = document.elementFromPoint(button.left + button.width / 2, button.top + button.height / 2);
        return !!(shown && shown.closest('[data-testid="nav-collapse"]'));
      })()`;
      expect(await page.evaluate(collapseOnTop)).toBe(true);
      await page.evaluate(`(() => {
        const menu = document.querySelector('[data-testid="office-sider"] .n-layout-sider-scroll-container');
        menu.scrollTop = menu.scrollHeight;
      })()`);
      expect(await page.evaluate(collapseOnTop)).toBe(true);
      // The last item clears the footer once scrolled to.
      const cleared = await page.evaluate(`(() => {
        const items = document.querySelectorAll('[data-testid="office-sider"] .n-menu-item');
        const last = items[items.length - 1].getBoundingClientRect();
        const footer = document.querySelector('[data-testid="nav-collapse"]').parentElement.getBoundingClientRect();
        return last.bottom <= footer.top;
      })()`);
      expect(cleared).toBe(true);
      await journey.shot(page, 'admin-menu-scrolled', { fullPage: false });
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
    expect(journey.pageErrors).toEqual([]);
  });
  it('switches the language from the user menu and saves it on the account', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR' });
    try {
      await signIn(page);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('locale-en').waitFor();
      await journey.shot(page, 'user-menu-fr', { fullPage: false });

      const saved = page.waitForResponse((response) => response.url().endsWith('/api/v1/me/preferences'));
      await page.getByTestId('locale-en').click();
      expect((await saved).status()).toBe(200);
      await page.getByText('Applications', { exact: true }).waitFor();
      expect(await page.evaluate('document.documentElement.lang')).toBe('en');
      expect(await page.title()).toBe('Dashboard · Tessera');
      expect((await odile.client.GET('/api/v1/me')).data?.user.locale).toBe('en');

      // The account's language wins over the browser's at the next sign-in.
      await page.context().clearCookies();
      await page.evaluate('localStorage.clear()');
      await signIn(page);
      expect(await page.getByTestId('nav-applications').textContent()).toBe('Applications');
      await journey.shot(page, 'dashboard-en-after-switch');
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
    expect(journey.pageErrors).toEqual([]);
  });
});
