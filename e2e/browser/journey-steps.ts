import type { FakeCheckoutSession, FakeStripe } from '@tessera/testing';
import type { Page } from 'playwright-core';
import Stripe from 'stripe';
import { authorized } from '../support/stack';
import { waitForLang, type BrowserJourney } from '../support/browser';

/** The journey's fake Stripe API and the webhook secret its stack was started with (STRIPE_WEBHOOK_SECRET). */
export interface JourneyStripe {
  fake: FakeStripe;
  webhookSecret: string;
}

/**
 * The moves of a browser journey: screenshots from the top of the page, steps that leave a
 * "failure" screenshot when they throw, signing in through the form, switching a signed-in
 * person's language (their account's, then a reload), and paying online through Stripe Checkout.
 */
export function journeySteps(journey: BrowserJourney) {
  /** A full-page screenshot from the top (scrolled, the sticky header would land mid-page). */
  async function shot(page: Page, name: string): Promise<void> {
    await page.evaluate('window.scrollTo(0, 0)');
    await journey.shot(page, name);
  }

  /**
   * Runs a step. When it throws, saves a screenshot of `page` as "failure" and adds the page's
   * address and visible text to the error: a run on CI leaves no screenshot behind to look at.
   */
  async function step(page: Page, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await shot(page, 'failure').catch(() => undefined);
      const text = await page
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch(() => '(unreadable)');
      if (error instanceof Error) {
        // Its start and its end: dialogs and menus are drawn at the end of the body.
        const flat = text.replace(/\s+/g, ' ');
        const shown = flat.length > 2_000 ? `${flat.slice(0, 1_000)} […] ${flat.slice(-1_000)}` : flat;
        error.message += `\n\nThe page at ${page.url()} showed:\n${shown}`;
        // Jest prints the stack, which holds the message as it was when the error was made.
        const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
        error.stack = [`${error.name}: ${error.message}`, ...frames].join('\n');
      }
      throw error;
    }
  }

  /**
   * Opens a portal section on a phone: its tab, or else the "More" tab and the section's link
   * there (the tab bar holds five).
   */
  async function phoneSection(page: Page, route: string): Promise<void> {
    const tab = page.getByTestId('portal-tabs').getByTestId(`nav-${route}`);
    if (await tab.count()) await tab.click();
    else {
      await page.getByTestId('portal-tabs').getByTestId('nav-portal-more').click();
      await page.getByTestId('portal-more').getByTestId(`nav-${route}`).click();
    }
    await page.waitForURL((url) => !url.pathname.endsWith('/more'));
  }

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('user-menu').waitFor();
  }

  /**
   * Speaks `locale` to this person from now on (their account's language), then reloads and waits
   * until the SPA has signed in again: the static page already says lang="en", and leaving it
   * while its session refresh is on the way could lose the rotated cookie (reuse ends a session).
   */
  async function speak(page: Page, token: string, locale: 'en' | 'fr'): Promise<void> {
    const changed = await authorized(journey.stack, token).PATCH('/api/v1/me/preferences', { body: { locale } });
    expect(changed.response.status).toBe(200);
    await page.reload();
    await page.getByTestId('user-menu').waitFor({ state: 'attached' });
    await waitForLang(page, locale);
  }

  /**
   * Pays online as a member does: `start` clicks a Pay button and the SPA sends the browser to the
   * Checkout Session's hosted page. The fake Stripe serves no such page, so that navigation is
   * answered here as Stripe would end it: the session is paid and the browser sent to its success
   * URL, back in the portal. Then `whileConfirming` runs (the portal waits for the payment), and
   * Stripe's signed `checkout.session.completed` is delivered to the webhook, which must record it.
   */
  async function payOnline(
    page: Page,
    stripe: JourneyStripe,
    start: () => Promise<void>,
    options: { payer?: string; whileConfirming?: (session: FakeCheckoutSession) => Promise<void> } = {},
  ): Promise<FakeCheckoutSession> {
    const hostedPages = `${stripe.fake.baseUrl}/pay/**`;
    let reached!: (session: FakeCheckoutSession) => void;
    const checkout = new Promise<FakeCheckoutSession>((resolve) => (reached = resolve));
    await page.route(hostedPages, async (route) => {
      const sessionId = decodeURIComponent(new URL(route.request().url()).pathname.split('/').pop()!);
      const session = stripe.fake.pay(sessionId, { payer: options.payer });
      await route.fulfill({ status: 303, headers: { location: session.success_url } });
      reached(session);
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      await start();
      const session = await Promise.race([
        checkout,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('The browser never went to Stripe Checkout')), 10_000);
        }),
      ]);
      clearTimeout(timer);
      await page.waitForURL(session.success_url);
      await options.whileConfirming?.(session);
      const payload = JSON.stringify(stripe.fake.sessionEvent(session.id));
      const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: stripe.webhookSecret });
      const delivered = await fetch(`${journey.stack.baseUrl}/api/v1/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
        body: payload,
      });
      expect({ status: delivered.status, body: await delivered.json() }).toMatchObject({
        status: 200,
        body: { received: true, duplicate: false, outcome: 'payment-recorded' },
      });
      return session;
    } finally {
      clearTimeout(timer);
      await page.unroute(hostedPages);
    }
  }

  return { shot, step, phoneSection, signIn, speak, payOnline };
}
