import { readFileSync } from 'node:fs';
import type { TesseraClient } from '@tessera/api-client';
import type { Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { parseCsv } from '../support/csv';
import {
  addDays,
  changeAt,
  seedDocument,
  seedMemberWithHistory,
  seedPayment,
  seedSubscription,
  todayIn,
} from '../support/dashboard-seed';
import { startBrowserJourney, waitForLang, type BrowserJourney } from '../support/browser';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized } from '../support/stack';

/** The canvas as the browser drew it: true when nothing is drawn (it equals a fresh one of its size). */
interface CanvasLike {
  width: number;
  height: number;
  toDataURL(): string;
  ownerDocument: { createElement(tag: 'canvas'): CanvasLike };
}

/**
 * The back-office home in Chromium: empty for a fresh organisation; then, on known data, its
 * figures, and both charts drawn on their canvases (not blank); a figure opens its filtered
 * list; the members list exports that filter as CSV and sorts from the URL; the same in French;
 * on a phone. Screenshots of each; no CSP refusal or page error.
 */
describe('dashboard (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let olga: StaffSession;
  let camille: StaffSession;
  let today: string;

  async function step(page: Page, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      await journey.shot(page, 'failure').catch(() => undefined);
      throw error;
    }
  }

  async function signIn(page: Page, who: StaffSession): Promise<void> {
    await page.goto(`${journey.spa.origin}/sign-in`);
    await page.getByTestId('signin-email').fill(who.email);
    await page.getByTestId('signin-password').fill(who.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('office-greeting').waitFor();
  }

  async function expectDrawn(chart: Locator): Promise<void> {
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(200);
    const blank = await canvas.evaluate((element: CanvasLike) => {
      const fresh = element.ownerDocument.createElement('canvas');
      fresh.width = element.width;
      fresh.height = element.height;
      return element.toDataURL() === fresh.toDataURL();
    });
    expect(blank).toBe(false);
  }

  const figure = async (page: Page, testid: string) =>
    ((await page.getByTestId(testid).getByTestId('figure-value').textContent()) ?? '').trim();

  beforeAll(async () => {
    journey = await startBrowserJourney('dashboard');
    const { stack } = journey;
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    olga = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    camille = await activatedStaff(stack, admin, 'Camille Lefèvre', ['admin', 'officer'], 'fr');
    today = todayIn((await admin.GET('/api/v1/settings/organisation')).data!.timeZone);
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('says there is nothing to count yet in a fresh organisation', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    await step(page, async () => {
      await signIn(page, olga);
      await page.getByTestId('dashboard-empty').waitFor();
      expect(await page.getByTestId('dashboard-empty').textContent()).toContain('Nothing to count yet');
      await journey.shot(page, 'empty-en');
    });
  });

  it('shows the figures and draws both charts; a figure opens its filtered list, which exports as CSV', async () => {
    const db = journey.stack.api.get(DataSource);
    const planId = await createYearlyPlan(admin, { code: 'dash-ui', name: 'Individual membership' });
    const at = (offset: number, minute?: number) => changeAt(today, offset, minute);
    const names = ['Alice', 'Bruno', 'Chloé', 'Dario', 'Eva', 'Fanny', 'Gaël', 'Hana', 'Ivo', 'Jules'];
    const ids: string[] = [];
    for (const [index, name] of names.entries()) {
      const joined = -11 + index;
      const history = [
        { status: 'upcoming', at: at(joined, 0) },
        { status: 'member', at: at(joined, 30) },
      ];
      if (index % 4 === 1) history.push({ status: 'in-grace', at: at(Math.min(joined + 2, 0), 40) });
      if (index % 4 === 1) history.push({ status: 'suspended', at: at(Math.min(joined + 3, 0), 50) });
      if (index === 8) history.push({ status: 'ex-member', at: at(0, 55) });
      ids.push(await seedMemberWithHistory(db, planId, name, history));
    }
    for (let offset = -11; offset <= 0; offset += 1) {
      const paidOn = offset === 0 ? today : `${addDays(`${today.slice(0, 7)}-01`, 0).slice(0, 7)}-01`;
      const month = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
      month.setUTCMonth(month.getUTCMonth() + offset);
      await seedPayment(db, ids[(offset + 11) % ids.length]!, {
        amount: 6000 * (1 + ((offset + 11) % 4)),
        currency: 'EUR',
        paidOn: offset === 0 ? paidOn : month.toISOString().slice(0, 10),
      });
    }
    await seedDocument(db, ids[1]!, { kind: 'invoice', state: 'open', currency: 'EUR', gross: 7260, allocated: 0 });
    await seedDocument(db, ids[5]!, {
      kind: 'invoice',
      state: 'partially-paid',
      currency: 'EUR',
      gross: 7260,
      allocated: 3000,
    });
    await seedSubscription(db, ids[0]!, planId, { state: 'active', periodEnd: addDays(today, 12) });
    const suspended = (
      (await db.query(`SELECT count(*)::int AS n FROM members WHERE status = 'suspended'`)) as {
        n: number;
      }[]
    )[0]!.n;

    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    await step(page, async () => {
      await signIn(page, olga);
      await page.getByTestId('members-by-status').waitFor();
      expect(await figure(page, 'figure-status-suspended')).toBe(String(suspended));
      expect(await figure(page, 'figure-status-ex-member')).toBe('1');
      expect(await figure(page, 'figure-renewals')).toBe('1');
      expect(await figure(page, 'figure-amount-due')).toBe('€115.20');
      await expectDrawn(page.getByTestId('status-chart'));
      await expectDrawn(page.getByTestId('revenue-chart'));
      await journey.shot(page, 'dashboard-en');

      await page.getByTestId('figure-status-suspended').click();
      await page.waitForURL(/\/office\/members\?status=suspended$/);
      await page.getByTestId('member-row').first().waitFor();
      expect(await page.getByTestId('member-row').count()).toBe(suspended);
      const statuses = await page.getByTestId('members-table').getByTestId('member-status').allTextContents();
      expect(new Set(statuses.map((text) => text.trim()))).toEqual(new Set(['Suspended']));
      await journey.shot(page, 'members-suspended');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('members-export').click()]);
      expect(download.suggestedFilename()).toBe(`members-${today}.csv`);
      const rows = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, ''));
      expect(rows[0]).toEqual([
        'Number',
        'Name',
        'E-mail',
        'Plan',
        'Status',
        'Since',
        'Period end',
        'Amount due',
        'Currency',
      ]);
      expect(rows.slice(1).map((row) => row[4])).toEqual(Array(suspended).fill('Suspended'));

      await page.goto(`${journey.spa.origin}/office/members?sort=number`);
      await page.getByTestId('member-row').first().waitFor();
      const numbers = await page.getByTestId('member-link').allTextContents();
      expect(numbers).toEqual([...numbers].sort());
      expect(await page.getByTestId('members-sort').textContent()).toContain('Number, ascending');

      await page.goto(`${journey.spa.origin}/office`);
      await page.getByTestId('figure-revenue-month').click();
      await page.waitForURL(new RegExp(`/office/payments\\?paidFrom=${today.slice(0, 7)}-01&paidTo=${today}$`));
    });

    const phone = await journey.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await step(phone, async () => {
      await signIn(phone, olga);
      await expectDrawn(phone.getByTestId('revenue-chart'));
      await journey.shot(phone, 'dashboard-phone');
    });
  });

  it('reads in French, charts drawn, for a French administrator', async () => {
    const page = await journey.newPage({ viewport: { width: 1280, height: 900 } });
    await step(page, async () => {
      await signIn(page, camille);
      await waitForLang(page, 'fr');
      await page.getByTestId('members-by-status').waitFor();
      expect(await page.getByTestId('figure-status-suspended').textContent()).toContain('Suspendu');
      expect(await page.getByTestId('figure-amount-due').textContent()).toContain('Reste dû');
      expect(await figure(page, 'figure-amount-due')).toBe('115,20\u00a0€');
      await expectDrawn(page.getByTestId('status-chart'));
      await expectDrawn(page.getByTestId('revenue-chart'));
      await journey.shot(page, 'dashboard-fr');
    });
    expect(journey.pageErrors).toEqual([]);
  });
});
