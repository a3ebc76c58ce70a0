import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { startSpaServer, type SpaServer } from './spa-server';
import { startStack, type Stack } from './stack';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/** Debian's Chromium, headless, without the background traffic of a desktop browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The built SPA, the whole stack behind it and a browser, for one journey (one test file). */
export interface BrowserJourney {
  stack: Stack;
  spa: SpaServer;
  browser: Browser;
  /**
   * Uncaught errors of every page opened with `newPage`, and what the Content-Security-Policy
   * refused there (Chromium reports each refusal on the console; a page may go on working without
   * what was refused, so only this shows it).
   */
  pageErrors: string[];
  /** A page in a fresh context, with a 10 s default timeout and its errors collected. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /**
   * Saves a screenshot as `NN-name.png` in test-artifacts/screenshots/<journey>/: the full page,
   * or with `{ fullPage: false }` what the window shows (e.g. a page scrolled down).
   */
  shot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** How many screenshots `shot` saved, and how many files the folder holds (the same, unless one failed). */
  shots(): { taken: number; saved: number };
  /** Closes every context `newPage` opened so far. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the SPA first (e-mailed links are built from PUBLIC_URL when the API starts), then the
 * stack, then Chromium; empties the journey's screenshot folder. `close` undoes all of it.
 */
export async function startBrowserJourney(name: string): Promise<BrowserJourney> {
  const publicUrl = process.env.PUBLIC_URL;
  const dir = join(SCREENSHOTS, name);
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let taken = 0;

  const restorePublicUrl = () => {
    if (publicUrl === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = publicUrl;
  };

  const spa = await startSpaServer();
  let stack: Stack | undefined;
  let browser: Browser;
  try {
    process.env.PUBLIC_URL = spa.origin;
    stack = await startStack();
    spa.setApiTarget(stack.baseUrl);
    browser = await launchChromium();
  } catch (error) {
    await stack?.stop();
    await spa.close();
    restorePublicUrl();
    throw error;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const closePages = async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => undefined);
  };

  return {
    stack,
    spa,
    browser,
    pageErrors,
    async newPage(options) {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) pageErrors.push(`CSP: ${message.text()}`);
      });
      return page;
    },
    async shot(page, shotName, { fullPage = true } = {}) {
      taken += 1;
      const file = `${String(taken).padStart(2, '0')}-${shotName}.png`;
      await page.screenshot({ path: join(dir, file), fullPage, animations: 'disabled' });
    },
    shots() {
      return { taken, saved: readdirSync(dir).length };
    },
    closePages,
    async close() {
      await closePages();
      await browser.close();
      await spa.close();
      await stack.stop();
      restorePublicUrl();
    },
  };
}

/**
 * Waits until exactly `count` elements match `selector` (count ≥ 1). Locators, not
 * waitForFunction: the SPA's CSP forbids evaluating strings, and the spec build has no DOM types.
 */
export async function waitForCount(page: Page, selector: string, count: number): Promise<void> {
  await page
    .locator(selector)
    .nth(count - 1)
    .waitFor();
  await page.locator(selector).nth(count).waitFor({ state: 'detached' });
}

/** Waits until the `<img>` at `locator` has loaded a picture (polled from here, for the CSP's sake). */
export async function waitForImage(locator: Locator, timeoutMs = 10_000): Promise<void> {
  const loaded = () =>
    locator.evaluate((image: { complete: boolean; naturalWidth: number }) => image.complete && image.naturalWidth > 0);
  const deadline = Date.now() + timeoutMs;
  await locator.waitFor({ timeout: timeoutMs });
  let done = await loaded();
  while (!done && Date.now() < deadline) {
    await new Promise((resume) => setTimeout(resume, 100));
    done = await loaded();
  }
  expect(done).toBe(true);
}

/** Waits until the page speaks `locale` (the SPA sets `<html lang>`). */
export async function waitForLang(page: Page, locale: string): Promise<void> {
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
}

/**
 * Waits until the input `locator` holds `expected`: forms fill some fields from data they fetch
 * after opening, so reading the value at once races that fetch.
 */
export async function waitForValue(locator: Locator, expected: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let actual = await locator.inputValue();
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    actual = await locator.inputValue();
  }
  expect(actual).toBe(expected);
}
