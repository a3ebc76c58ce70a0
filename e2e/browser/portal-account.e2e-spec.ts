import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { MembersService, type MemberIntakeResult } from '@tessera/members';
import { startBrowserJourney, type BrowserJourney } from '../support/browser';
import { linkTokenFromEmail } from '../support/mail';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, uniqueEmail } from '../support/stack';
import { journeySteps } from './journey-steps';

/**
 * A member's portal account in a browser: an officer invites an approved member from the back
 * office, the member (French-speaking, on a phone set to French) activates the account from the
 * e-mailed link, sees their membership in French and edits their phone; the officer then sees the
 * account active. Ends with an order sold and confirmed. Every step is saved as a screenshot, in order.
 */
describe('portal account journey (SPA in Chromium)', () => {
  let journey: BrowserJourney;
  let officerPage: Page;
  let memberPage: Page;
  let ada: MemberIntakeResult;
  const adaEmail = uniqueEmail('ada');
  let officer: StaffSession;
  const planName = 'Standard membership';

  let shot: ReturnType<typeof journeySteps>['shot'];
  let step: ReturnType<typeof journeySteps>['step'];
  let phoneSection: ReturnType<typeof journeySteps>['phoneSection'];
  const accountState = (page: Page) => page.getByTestId('portal-account-card').getByTestId('account-state');

  beforeAll(async () => {
    journey = await startBrowserJourney('portal-account');
    ({ shot, step, phoneSection } = journeySteps(journey));
    const { stack } = journey;
    const login = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    const asAdmin = authorized(stack, login.data!.accessToken);

    const planId = await createYearlyPlan(asAdmin, {
      code: 'browser-portal',
      name: planName,
      applicantKinds: ['individual', 'organisation'],
    });
    officer = await activatedStaff(stack, asAdmin, 'Olga Officer', ['officer']);

    // Members are made as an approval makes them; Ada is also the contact of an organisation.
    const members = stack.api.get(MembersService);
    const source = { type: 'application' as const, id: randomUUID(), reference: 'APP-2026-000321' };
    const address = { line1: '12 Rue de la Loi', postalCode: '1000', city: 'Brussels', country: 'BE' };
    ada = await members.createOrMatchFromApplication({
      kind: 'person',
      person: { firstName: 'Ada', lastName: 'Lovelace', email: adaEmail, phone: '+32 470 12 34 56', address },
      professional: { occupation: 'Mathematician', employer: 'Analytical Engines SA' },
      planId,
      locale: 'fr',
      source,
    });
    await members.createOrMatchFromApplication({
      kind: 'organisation',
      organisation: {
        legalName: 'Analytical Engines SA',
        registrationNumber: 'BE0321.654.987',
        address,
        representatives: [
          { firstName: 'Ada', lastName: 'Lovelace', email: adaEmail, role: 'Director', isContact: true },
        ],
      },
      planId,
      locale: 'en',
      source: { ...source, id: randomUUID(), reference: 'APP-2026-000322' },
    });

    officerPage = await journey.newPage({ viewport: { width: 1280, height: 860 } });
    memberPage = await journey.newPage({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      locale: 'fr-FR',
    });
  }, 90_000);

  afterAll(async () => {
    await journey?.close();
  });

  it('an officer invites a member, who activates the account, sees the membership and edits the phone', async () => {
    const { spa, stack } = journey;
    const page = officerPage;

    await step(page, async () => {
      await page.goto(`${spa.origin}/sign-in`);
      await page.getByTestId('signin-email').fill(officer.email);
      await page.getByTestId('signin-password').fill(officer.password);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('office-greeting').waitFor();

      await page.getByTestId('nav-members').click();
      const row = page.locator(`[data-testid="member-row"][data-member-id="${ada.memberId}"]`);
      await row.waitFor();
      expect(await row.getByTestId('account-state').textContent()).toContain('No account');
      expect(await row.textContent()).toContain(planName);
      expect(await row.getByTestId('member-status').textContent()).toContain('Starting soon');
      await shot(page, 'office-members');

      await row.getByTestId('member-link').click();
      await page.getByTestId('portal-account-card').waitFor();
      expect(await page.getByTestId('member-number').textContent()).toBe(ada.memberNumber);
      expect(await accountState(page).textContent()).toContain('No account');
      await shot(page, 'office-member-no-account');

      await page.getByTestId('account-invite').click();
      await page.locator('[data-testid="account-state"][data-state="invited"]').waitFor();
      expect(await page.getByTestId('account-summary').textContent()).toMatch(/Invitation sent on/);
      await page.getByTestId('account-invited-at').waitFor();
      expect(await page.getByTestId('account-invite').textContent()).toContain('Resend invitation');
      await shot(page, 'office-member-invited');
    });

    const member = memberPage;
    await step(member, async () => {
      const invitation = await linkTokenFromEmail(stack.sink, adaEmail, /Activez votre compte de membre/, '/activate');
      await member.goto(`${spa.origin}/activate#token=${encodeURIComponent(invitation.token)}`);
      await member.getByTestId('activate-password').fill('Member-Password-Ada-42');
      await member.getByTestId('activate-confirm').fill('Member-Password-Ada-42');
      await shot(member, 'member-activate');
      await member.getByTestId('activate-submit').click();

      await member.getByTestId('portal-membership').waitFor();
      expect(new URL(member.url()).pathname).toBe('/portal');
      expect(await member.evaluate('document.documentElement.lang')).toBe('fr');
      expect(await member.getByTestId('portal-greeting').textContent()).toBe('Bienvenue, Ada');
      expect(await member.getByTestId('portal-member-name').textContent()).toBe('Ada Lovelace');
      expect(await member.getByTestId('portal-member-number').textContent()).toBe(ada.memberNumber);
      expect(await member.getByTestId('portal-plan').textContent()).toBe(planName);
      expect(
        await member.getByTestId('portal-membership').getByTestId('member-status').getAttribute('data-status'),
      ).toBe('upcoming');
      expect(await member.getByTestId('portal-organisation').textContent()).toContain('Analytical Engines SA');
      await shot(member, 'portal-home');

      // Contact details live under Account.
      await phoneSection(member, 'portal-account');
      expect(await member.getByTestId('contact-phone').textContent()).toBe('+32 470 12 34 56');

      await member.getByTestId('contact-edit').click();
      const phone = member.getByTestId('contact-phone-input');
      const phoneItem = member.locator('.n-form-item', { has: phone });
      // Looks like a number to the browser, but the server knows no such one: its message shows by the field.
      await phone.fill('+1 000 000 0000');
      await member.getByTestId('contact-save').click();
      await phoneItem.locator('.n-form-item-feedback__line').waitFor();
      expect(await phoneItem.locator('.n-form-item-feedback__line').textContent()).toMatch(/format international/);
      await shot(member, 'portal-contact-bad-phone');

      await phone.fill('+32 470 99 88 77');
      await member.getByTestId('contact-save').click();
      await member.getByTestId('contact-edit').waitFor();
      expect(await member.getByTestId('contact-phone').textContent()).toBe('+32 470 99 88 77');
      await shot(member, 'portal-contact-saved');
    });

    await step(page, async () => {
      await page.reload();
      await page.locator('[data-testid="account-state"][data-state="active"]').waitFor();
      expect(await page.getByTestId('account-summary').textContent()).toMatch(/Last sign-in: just now/);
      await page.getByTestId('account-last-login').waitFor();
      expect(await page.getByTestId('member-phone').textContent()).toContain('+32 470 99 88 77');
      await page.getByTestId('account-reset').waitFor();
      await shot(page, 'office-member-active');

      // The same list on a phone.
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByTestId('member-back').click();
      const row = page.locator(`[data-testid="member-row"][data-member-id="${ada.memberId}"]`);
      await row.waitFor();
      expect(await row.getByTestId('account-state').textContent()).toContain('Active');
      await shot(page, 'office-members-phone');
      await page.setViewportSize({ width: 1280, height: 860 });
    });

    expect(journey.pageErrors).toEqual([]);
  }, 120_000);

  it('an officer records an order and confirms it, which creates the customer’s account', async () => {
    const { spa } = journey;
    const page = officerPage;
    const customer = { email: uniqueEmail('buyer'), name: 'Charles Babbage' };

    await step(page, async () => {
      await page.goto(`${spa.origin}/office/orders`);
      await page.getByTestId('orders-create').click();
      await page.getByTestId('new-order-dialog').waitFor();
      await page.getByTestId('order-email').fill(customer.email);
      await page.getByTestId('order-name').fill(customer.name);
      await page.getByTestId('order-line-0-plan').click();
      await page.locator('.n-base-select-option', { hasText: planName }).click();
      await page.getByTestId('order-line-0-quantity').fill('2');
      await page.getByTestId('order-line-0-quantity').blur();
      expect(await page.getByTestId('order-form-total').textContent()).toMatch(/120\.00/);
      await shot(page, 'order-new');

      await page.getByTestId('order-submit').click();
      await page.getByTestId('order-confirm').waitFor();
      expect(await page.getByTestId('order-status').textContent()).toContain('Awaiting confirmation');
      expect(await page.getByTestId('order-total').textContent()).toMatch(/120\.00/);
      await shot(page, 'order-pending');

      await page.getByTestId('order-confirm').click();
      await page.getByTestId('order-confirmation').waitFor();
      expect(await page.getByTestId('order-confirmation').textContent()).toContain('Portal account created');
      expect(await page.getByTestId('order-confirmation-message').textContent()).not.toBe('');
      await shot(page, 'order-confirmed');

      await page.getByTestId('order-back').click();
      const row = page.getByTestId('order-row').filter({ hasText: customer.email });
      await row.waitFor();
      expect(await row.getByTestId('order-status').textContent()).toContain('Confirmed');
      await shot(page, 'orders');
    });

    expect(journey.pageErrors).toEqual([]);
    expect(journey.shots().saved).toBe(journey.shots().taken);
  }, 60_000);
});
