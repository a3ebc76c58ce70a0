import type { TesseraClient } from '@tessera/api-client';
import { MembersService } from '@tessera/members';
import { FakeStripe } from '@tessera/testing';
import { approvedMember } from './approved-member';
import { journeySteps } from './journey-steps';
import { startBrowserJourney, waitForLang, type BrowserJourney } from '../support/browser';
import { linkTokenFromEmail } from '../support/mail';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';

const STRIPE_ENV = ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET', 'STRIPE_API_BASE'] as const;
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 860 } };

/**
 * The portal a member lives in, in Chromium: the home on a phone (status and why, what is due with
 * its Pay button, the tab bar) and on a desktop once paid; the membership card and its public check
 * page (valid, then not valid once the member is an ex-member; English and French); the account:
 * a password change refused then made, and the sign-in e-mail changed through its link.
 */
describe('member portal (SPA in Chromium)', () => {
  const fake = new FakeStripe('sk_test_e2e_portal');
  let journey: BrowserJourney;
  let admin: TesseraClient;
  let steps: ReturnType<typeof journeySteps>;
  const ada = { email: uniqueEmail('ada'), password: 'Member-Password-Ada-1', memberId: '', token: '' };
  let verifyUrl = '';

  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: fake.key,
      STRIPE_WEBHOOK_SECRET: 'whsec_portal',
      STRIPE_API_BASE: fake.baseUrl,
    });
    journey = await startBrowserJourney('member-portal');
    steps = journeySteps(journey);
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, login.data!.accessToken);
    await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Cercle Photo de Bruxelles',
        contactEmail: 'membres@cercle.example',
        legalName: 'Cercle Photo de Bruxelles ASBL',
        paymentTermsDays: 14,
        timeZone: 'Europe/Brussels',
        referenceScheme: 'ogm',
        currency: 'EUR',
        renewalTime: '02:00',
        statusSweepTime: '03:00',
      },
    });
    const approver = await activatedStaff(stack, admin, 'Portal Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Portal',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const planId = await createYearlyPlan(admin, {
      code: 'portal-yearly',
      name: 'Photographer membership',
      price: { amount: 4000, currency: 'EUR' },
      taxRateBps: 2100,
      approvalFlowId: flow.data!.id,
    });
    const { token } = await approvedMember(stack, admin, approver, planId, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: ada.email,
      password: ada.password,
    });
    ada.token = token;
    ada.memberId = (await authorized(stack, token).GET('/api/v1/me')).data!.member!.id;
  }, 120_000);

  afterAll(async () => {
    await journey?.close();
    await fake.stop();
    for (const name of STRIPE_ENV) delete process.env[name];
  });

  it('shows a member on a phone where they stand, what is due and a Pay button; paid, on a desktop', async () => {
    const phone = await journey.newPage(PHONE);
    await steps.step(phone, async () => {
      await steps.signIn(phone, ada.email, ada.password);
      await phone.getByTestId('portal-due-pay').waitFor();
      expect(await phone.getByTestId('portal-status-hint').textContent()).toContain('approved');
      expect(await phone.getByTestId('portal-status-reason').textContent()).toMatch(/approved/i);
      expect(await phone.getByTestId('portal-due-total').textContent()).toBe('€48.40');
      expect(await phone.getByTestId('portal-due-pay').textContent()).toContain('Pay €48.40');
      // The sections sit in a tab bar at the bottom; the less used ones under "More".
      const tabs = phone.getByTestId('portal-tabs');
      await tabs.waitFor();
      expect(await tabs.locator('a').count()).toBe(5);
      expect(await phone.getByTestId('portal-card-teaser').textContent()).toContain('in force');
      await steps.shot(phone, 'home-phone-upcoming');
      // "More" lists the sections that have no tab: payments, shares, forms and the account.
      await tabs.getByTestId('nav-portal-more').click();
      const more = phone.getByTestId('portal-more');
      await more.waitFor();
      expect(await more.locator('a').count()).toBe(4);
      expect(await tabs.getByTestId('nav-portal-more').getAttribute('aria-current')).toBe('page');
      await steps.shot(phone, 'more-phone');
      await tabs.getByTestId('nav-portal-home').click();
      await phone.getByTestId('portal-membership').waitFor();
    });

    const home = (await authorized(journey.stack, ada.token).GET('/api/v1/me/membership')).data!;
    const paid = await admin.POST('/api/v1/payments', {
      body: {
        memberId: ada.memberId,
        amount: { amount: 4840, currency: 'EUR' },
        method: 'bank-transfer',
        date: home.subscription!.currentPeriod.start,
        allocations: [{ documentId: home.payNext!.id, amount: 4840 }],
      },
    });
    expect(paid.response.status).toBe(201);

    await steps.step(phone, async () => {
      await phone.reload();
      await phone.getByTestId('portal-due-none').waitFor();
      await steps.shot(phone, 'home-phone-member');
    });

    const desktop = await journey.newPage(DESKTOP);
    await steps.step(desktop, async () => {
      await steps.signIn(desktop, ada.email, ada.password);
      await desktop.getByTestId('portal-due-none').waitFor();
      expect(await desktop.getByTestId('portal-status-hint').textContent()).toBe('Your membership is active.');
      expect(await desktop.getByTestId('portal-status-reason').textContent()).toContain(home.payNext!.number);
      expect(await desktop.getByTestId('portal-card-teaser').textContent()).toContain(`Valid until`);
      await steps.shot(desktop, 'home-desktop-member');
    });
  });

  it('gives the member their card, whose check page says valid (en, fr) and then not valid', async () => {
    const page = await journey.newPage(DESKTOP);
    await steps.step(page, async () => {
      await steps.signIn(page, ada.email, ada.password);
      await page.getByTestId('nav-portal-card').click();
      await page.getByTestId('portal-card').waitFor();
      expect(await page.getByTestId('portal-card-name').textContent()).toBe('Ada Lovelace');
      expect(await page.getByTestId('portal-card-valid').textContent()).toMatch(
        /^\s*Valid until \w{3} \d{1,2}, \d{4}\s*$/,
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('portal-card-download').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^membership-card-M-\d{6}\.pdf$/);
      await steps.shot(page, 'card-desktop');
      verifyUrl = (await page.getByTestId('portal-card-verify').getAttribute('href'))!;
      expect(verifyUrl).toMatch(new RegExp(`^${journey.spa.origin}/verify/[A-Za-z0-9_-]{43}$`));
    });

    const phone = await journey.newPage(PHONE);
    await steps.step(phone, async () => {
      await steps.signIn(phone, ada.email, ada.password);
      await phone.getByTestId('nav-portal-card').click();
      await phone.getByTestId('portal-card').waitFor();
      await steps.shot(phone, 'card-phone');
    });

    const visitors = {
      en: await journey.newPage({ ...PHONE, locale: 'en-GB' }),
      fr: await journey.newPage({ ...PHONE, locale: 'fr-BE' }),
    };
    for (const [locale, visitor] of Object.entries(visitors)) {
      await steps.step(visitor, async () => {
        await visitor.goto(verifyUrl);
        await waitForLang(visitor, locale);
        await visitor.getByTestId('verify-valid').waitFor();
        expect(await visitor.getByTestId('verify-name').textContent()).toBe('Ada Lovelace');
        expect(await visitor.getByTestId('verify-valid').textContent()).toContain(
          locale === 'en' ? 'Valid member until' : 'Membre valable jusqu’au',
        );
        await steps.shot(visitor, `verify-valid-${locale}`);
      });
    }

    // The status engine ends the membership: the same link no longer verifies; the portal has no card.
    await journey.stack.api.get(MembersService).changeStatus(ada.memberId, 'ex-member', 'Membership terminated');
    for (const [locale, visitor] of Object.entries(visitors)) {
      await steps.step(visitor, async () => {
        await visitor.reload();
        await visitor.getByTestId('verify-invalid').waitFor();
        expect(await visitor.getByTestId('verify-invalid').textContent()).toContain(
          locale === 'en' ? 'Not valid' : 'Non valable',
        );
        expect(await visitor.getByTestId('verify-name').textContent()).toBe('Ada Lovelace');
        await steps.shot(visitor, `verify-not-valid-${locale}`);
      });
    }
    await steps.step(page, async () => {
      await page.reload();
      await page.getByTestId('portal-card-none').waitFor();
      await steps.shot(page, 'card-none');
    });
    const stranger = visitors.en;
    await steps.step(stranger, async () => {
      await stranger.goto(`${journey.spa.origin}/verify/${'A'.repeat(43)}`);
      await stranger.getByTestId('verify-invalid').waitFor();
      expect(await stranger.getByTestId('verify-invalid').textContent()).toContain('not one of our membership cards');
    });
    await journey.stack.api.get(MembersService).changeStatus(ada.memberId, 'member', 'Rejoined');
  });

  it('changes the password (the current one first) and the sign-in e-mail through its link', async () => {
    const page = await journey.newPage(DESKTOP);
    const newEmail = uniqueEmail('ada-new');
    await steps.step(page, async () => {
      await steps.signIn(page, ada.email, ada.password);
      await page.getByTestId('nav-portal-account').click();
      await page.getByTestId('account-password').waitFor();
      expect(await page.getByTestId('account-email-current').textContent()).toBe(ada.email);

      await page.getByTestId('password-current').fill('not my password');
      await page.getByTestId('password-new').fill('Another-Passphrase-Ada-2');
      await page.getByTestId('password-confirm').fill('Another-Passphrase-Ada-2');
      await page.getByTestId('password-submit').click();
      const current = page.locator('.n-form-item', { has: page.getByTestId('password-current') });
      await current.locator('.n-form-item-feedback__line', { hasText: 'not your current password' }).waitFor();
      await steps.shot(page, 'account-password-wrong');

      await page.getByTestId('password-current').fill(ada.password);
      await page.getByTestId('password-submit').click();
      await page.getByText('Your password has been changed').waitFor();
      ada.password = 'Another-Passphrase-Ada-2';

      await page.getByTestId('email-edit').click();
      await page.getByTestId('email-new').fill(newEmail);
      await page.getByTestId('email-password').fill(ada.password);
      await page.getByTestId('email-submit').click();
      await page.getByTestId('email-sent').waitFor();
      expect(await page.getByTestId('email-sent').textContent()).toContain(newEmail);
      await steps.shot(page, 'account-email-sent');
    });

    const { token } = await linkTokenFromEmail(journey.stack.sink, newEmail, /Confirm your new/, '/confirm-email');
    await journey.stack.sink.waitFor(
      (message) => message.to.includes(ada.email) && /was requested/.test(message.subject),
    );
    await steps.step(page, async () => {
      await page.goto(`${journey.spa.origin}/confirm-email#token=${encodeURIComponent(token)}`);
      await page.getByTestId('confirm-email-done').waitFor();
      expect(new URL(page.url()).hash).toBe('');
      await steps.shot(page, 'confirm-email-done');
      await page.getByTestId('confirm-email-next').click();
      await page.getByTestId('account-email-current').waitFor();
      expect(await page.getByTestId('account-email-current').textContent()).toBe(newEmail);
      // The link works once.
      await page.goto(`${journey.spa.origin}/confirm-email#token=${encodeURIComponent(token)}`);
      await page.getByTestId('confirm-email-problem').waitFor();
      await steps.shot(page, 'confirm-email-used');
    });

    await steps.step(page, async () => {
      await page.goto(`${journey.spa.origin}/portal/account`);
      await page.getByTestId('account-language-fr').click();
      await waitForLang(page, 'fr');
      await page.getByText('Adresse de connexion').waitFor();
      // The member record speaks French too (their invoices and e-mails).
      await page.getByTestId('contact-locale').filter({ hasText: 'Français' }).waitFor();
      await steps.shot(page, 'account-fr');
    });
    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots()).toEqual({ taken: journey.shots().taken, saved: journey.shots().taken });
  });
});
