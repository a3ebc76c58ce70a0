import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser } from 'playwright-core';
import { CaptchaService } from '@tessera/core';
import { startApiWith, type ApiWith } from '../support/api-with';
import { launchChromium } from '../support/browser';

/** The widget as apps/web ships it (workers bundled in). */
const WIDGET = resolve(__dirname, '..', '..', 'apps', 'web', 'node_modules', 'altcha', 'dist', 'main', 'altcha.js');

/** The server's challenges and the real altcha widget understand each other (same protocol, v2). */
describe('the altcha widget against our captcha endpoint (Chromium)', () => {
  let app: ApiWith;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApiWith([]);
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('solves a challenge in the browser into a payload the server accepts once', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A page on the API's origin (a secure context, as 127.0.0.1 is) holding just the widget.
    await page.route(`${app.baseUrl}/widget.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><script type="module" src="/altcha.js"></script>
          <form><altcha-widget challenge="/api/v1/captcha/challenge" auto="onload"></altcha-widget></form>`,
      }),
    );
    await page.route(`${app.baseUrl}/altcha.js`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: readFileSync(WIDGET, 'utf8') }),
    );
    await page.goto(`${app.baseUrl}/widget.html`);
    const field = page.locator('input[name="altcha"]');
    await field.waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForFunction('document.querySelector(\'input[name="altcha"]\')?.value', null, { timeout: 30_000 });
    const payload = await field.inputValue();
    expect(errors).toEqual([]);

    const captcha = app.api.get(CaptchaService);
    await expect(captcha.verify(payload)).resolves.toBeUndefined();
    await expect(captcha.verify(payload)).rejects.toMatchObject({
      problem: expect.objectContaining({ type: 'urn:tessera:problem:captcha-replayed' }),
    });
  }, 60_000);
});
