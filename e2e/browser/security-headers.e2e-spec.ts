import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { SPA_SECURITY_HEADERS } from '../../apps/web/security-headers';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { SPA_DIST } from '../support/spa-server';
import { ADMIN } from '../support/stack';

const NGINX_HEADERS = resolve(__dirname, '..', '..', 'deploy', 'spa-security-headers.conf');

/** The `add_header Name "value" always;` lines of the nginx snippet. */
function nginxHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const match of readFileSync(NGINX_HEADERS, 'utf8').matchAll(/^add_header ([\w-]+) "([^"]*)" always;$/gm)) {
    headers[match[1]] = match[2];
  }
  return headers;
}

/**
 * The SPA under its Content-Security-Policy in Chromium: the public form (with the captcha's
 * worker), sign-in, the back office; the refresh token only ever in an HttpOnly cookie; sign out
 * everywhere from the user menu. Any CSP refusal on the console fails the test (pageErrors).
 */
describe('the SPA under its security headers (Chromium)', () => {
  let journey: BrowserJourney;
  let page: Page;

  beforeAll(async () => {
    journey = await startBrowserJourney('security-headers');
    page = await journey.newPage({ viewport: { width: 1280, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    await journey?.close();
  });

  it('serves the same security headers as nginx does, and no source maps', async () => {
    expect(nginxHeaders()).toEqual(SPA_SECURITY_HEADERS);
    expect(SPA_SECURITY_HEADERS['Content-Security-Policy']).toMatch(
      /default-src 'self'.*object-src 'none'; base-uri 'none'; frame-ancestors 'none'/,
    );
    // Only the SPA's own object URLs (an invoice's PDF) may be framed.
    expect(SPA_SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-src 'self' blob:;");
    const assets = readdirSync(join(SPA_DIST, 'assets'));
    const script = assets.find((name) => name.endsWith('.js'));
    for (const path of ['/', '/office/applications', `/assets/${script}`]) {
      const response = await fetch(`${journey.spa.origin}${path}`);
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(SPA_SECURITY_HEADERS)) expect(response.headers.get(name)).toBe(value);
    }
    expect(assets.filter((name) => name.endsWith('.map'))).toEqual([]);
    for (const name of assets.filter((file) => file.endsWith('.js'))) {
      expect(readFileSync(join(SPA_DIST, 'assets', name), 'utf8')).not.toContain('sourceMappingURL');
    }
  });

  it('runs the public form and its captcha worker without a CSP refusal', async () => {
    await page.goto(`${journey.spa.origin}/apply`);
    await page.getByTestId('apply-first-name').click();
    await page.getByTestId('apply-first-name').pressSequentially('Ada');
    await page.locator('[data-testid="apply-captcha"][data-state="verified"]').waitFor({ timeout: 30_000 });
    await journey.shot(page, 'apply-under-csp');
    expect(journey.pageErrors).toEqual([]);
  }, 60_000);

  it('signs in with the refresh token in an HttpOnly cookie, restores the session on reload, and signs out everywhere', async () => {
    const { spa, stack } = journey;
    // Another device of the same person, signed in through the API.
    const elsewhere = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const elsewhereMe = () =>
      fetch(`${stack.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${elsewhere.data!.accessToken}` } });
    expect((await elsewhereMe()).status).toBe(200);

    await page.goto(`${spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(ADMIN.email);
    await page.getByTestId('signin-password').fill(ADMIN.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((url) => url.pathname.startsWith('/office'));
    await page.getByTestId('user-menu').waitFor();

    // Chromium kept the Secure cookie of http://127.0.0.1 (a secure context) and shows it to no script.
    const cookies = await page.context().cookies();
    expect(cookies.filter((cookie) => cookie.name === 'tessera_refresh')).toEqual([
      expect.objectContaining({
        path: '/api/v1/auth/refresh',
        httpOnly: true,
        secure: true,
        sameSite: 'Strict',
      }),
    ]);
    expect(await page.evaluate('document.cookie')).toBe('');
    expect(await page.evaluate('JSON.stringify(Object.keys(localStorage))')).toBe('[]');

    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/office/);
    await journey.shot(page, 'office-after-reload');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out-everywhere').waitFor();
    await journey.shot(page, 'user-menu');
    await page.getByTestId('sign-out-everywhere').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await elsewhereMe()).status).toBe(401);

    // Nothing left to restore a session from.
    await page.goto(`${spa.origin}/office`);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect((await page.context().cookies()).filter((cookie) => cookie.name === 'tessera_refresh')).toEqual([]);
    expect(journey.pageErrors).toEqual([]);
  }, 60_000);
});
