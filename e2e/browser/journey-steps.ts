import type { Page } from 'playwright-core';
import { authorized } from '../support/stack';
import { waitForLang, type BrowserJourney } from '../support/browser';

/**
 * The moves of a browser journey: screenshots from the top of the page, steps that leave a
 * "failure" screenshot when they throw, signing in through the form, and switching a signed-in
 * person's language (their account's, then a reload).
 */
export function journeySteps(journey: BrowserJourney) {
  /** A full-page screenshot from the top (scrolled, the sticky header would land mid-page). */
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

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  /** Speaks `locale` to this person from now on (their account's language), then reloads. */
  async function speak(page: Page, token: string, locale: 'en' | 'fr'): Promise<void> {
    const changed = await authorized(journey.stack, token).PATCH('/api/v1/me/preferences', { body: { locale } });
    expect(changed.response.status).toBe(200);
    await page.reload();
    await waitForLang(page, locale);
  }

  return { shot, step, signIn, speak };
}
