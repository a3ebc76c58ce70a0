import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, DEMO_STAFF_PASSWORD } from '@tessera/core';
import { ApprovalFlowsService } from '@tessera/approval';
import { PlansService, type CreatePlanDto } from '@tessera/plans';
import { OrganisationSettingsService, type UpdateOrganisationSettingsDto } from '@tessera/settings';
import { StaffDirectory, UsersService } from '@tessera/users';
import { AppModule } from '../app.module';
import { DEMO_STATUTES_URL, seedDemoCooperative } from './demo-cooperative';
import { DEMO_MEMBERS, seedDemoMembers } from './demo-members';
import { seedDemoQuestionnaire } from './demo-questionnaire';
import { demoSeedRefusal } from './demo-seed-policy';

/** Demo staff, one per role, all with the same known password (README lists them). */
const DEMO_STAFF = [
  { email: 'officer@tessera.local', name: 'Olivia Officer', roles: ['officer' as const] },
  { email: 'approver@tessera.local', name: 'Arthur Approver', roles: ['approver' as const] },
  { email: 'finance@tessera.local', name: 'Fiona Finance', roles: ['finance' as const], locale: 'fr' as const },
];

/**
 * Demo plans for the public form, by code (prices in cents), one of each billing kind: individuals
 * from the day they join; students with the school year (from 1 September, charged in full);
 * organisations with the calendar year, their first year prorated, with 21 % VAT.
 */
const DEMO_PLANS: CreatePlanDto[] = [
  {
    code: 'individual',
    name: 'Individual membership',
    description: 'For one person: full membership, voting rights and the member portal.',
    applicantKinds: ['individual'],
    price: { amount: 6000, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
    graceDays: 30,
    billingAnchor: 'join-date',
    renewalLeadDays: 30,
    sortOrder: 10,
  },
  {
    code: 'student',
    name: 'Student membership',
    description: 'Free for students enrolled full-time; proof of enrolment required.',
    applicantKinds: ['individual'],
    price: { amount: 0, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
    graceDays: 30,
    documentsRequired: 1,
    documentsHint: 'proof of enrolment for this school year: a student card or certificate',
    billingAnchor: 'calendar',
    calendarAnchor: { month: 9, day: 1 },
    prorateFirstPeriod: false,
    sortOrder: 20,
  },
  {
    code: 'organisation',
    name: 'Organisation membership',
    description: 'For companies and associations, with up to ten named representatives.',
    applicantKinds: ['organisation'],
    price: { amount: 48000, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
    graceDays: 60,
    taxRateBps: 2100,
    billingAnchor: 'calendar',
    calendarAnchor: { month: 1, day: 1 },
    prorateFirstPeriod: true,
    renewalLeadDays: 45,
    sortOrder: 30,
  },
];

/** The demo organisation: named in e-mails and on the public pages (an admin edits it under Settings). */
const DEMO_ORGANISATION: UpdateOrganisationSettingsDto = {
  name: 'Tessera Demo Association',
  contactEmail: 'membership@tessera.local',
  phone: '+32 470 12 34 56',
  address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Brussels', country: 'BE' },
  websiteUrl: 'https://tessera.local',
  termsUrl: 'https://tessera.local/membership-terms',
  privacyUrl: 'https://tessera.local/privacy',
  statutesUrl: DEMO_STATUTES_URL,
  // Billing: a Belgian association, paid by transfer with the structured communication Belgian banking apps prefill.
  legalName: 'Tessera Demo Association ASBL',
  companyNumber: '0123.456.749',
  vatNumber: 'BE0123456749',
  iban: 'BE71096123456769',
  bic: 'GKCCBEBB',
  invoiceFooter: 'Tessera Demo Association ASBL · RPM Brussels\nThank you for your membership.',
  paymentTermsDays: 30,
  timeZone: 'Europe/Brussels',
  referenceScheme: 'ogm',
  currency: 'EUR',
  renewalTime: '02:00',
  statusSweepTime: '03:00',
};

/**
 * What `pnpm seed` adds: the first admin (from ADMIN_EMAIL/ADMIN_PASSWORD), demo staff, plans and
 * members, the co-operative with a cooperator, and a questionnaire; through the services, each
 * part kept when it is there already, so a re-run creates nothing twice.
 */
export async function seedDemo(app: INestApplicationContext): Promise<void> {
  const users = app.get(UsersService);
  const config = app.get(AppConfig);
  await users.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
  for (const staff of DEMO_STAFF) {
    const created = await users.seedUser({ ...staff, password: DEMO_STAFF_PASSWORD });
    console.log(`${created ? 'Created' : 'Kept'} ${staff.email} (${staff.roles.join(', ')})`);
  }
  const organisation = await app.get(OrganisationSettingsService).seed(DEMO_ORGANISATION);
  console.log(`${organisation ? 'Set' : 'Kept'} the organisation's settings`);
  const committee = await seedCommitteeFlow(app.get(ApprovalFlowsService), app.get(StaffDirectory));
  const plans = app.get(PlansService);
  for (const plan of DEMO_PLANS) {
    // Organisations go through two levels; individuals through the default officer review.
    const withFlow = plan.code === 'organisation' ? { ...plan, approvalFlowId: committee } : plan;
    const created = await plans.seedPlan(withFlow);
    console.log(`${created ? 'Created' : 'Kept'} plan ${plan.code} (${plan.name})`);
  }
  await seedDemoMembers(app);
  await seedDemoCooperative(app);
  // Marie, the demo member, finds it in the portal.
  await seedDemoQuestionnaire(app, DEMO_MEMBERS[0].email);
}

/** A two-level demo flow: any officer, then the demo approver. Kept if it exists; returns its id. */
async function seedCommitteeFlow(flows: ApprovalFlowsService, staff: StaffDirectory): Promise<string> {
  const name = 'Officer review, then the committee';
  const existing = (await flows.list({ subjectType: 'application', page: 1, pageSize: 200, offset: 0 })).items.find(
    (flow) => flow.name === name,
  );
  if (existing) return existing.id;
  const approver = (await staff.activeWithRole('approver')).find((user) => user.email === 'approver@tessera.local');
  const flow = await flows.create({
    name,
    subjectType: 'application',
    levels: [
      { name: 'Officer review', approverUserIds: [], approverRole: 'officer', policy: 'any', dueInDays: 5 },
      {
        name: 'Committee',
        approverUserIds: approver ? [approver.id] : [],
        approverRole: approver ? null : 'admin',
        policy: 'all',
        dueInDays: 10,
      },
    ],
  });
  console.log(`Created approval flow "${name}"`);
  return flow.id;
}

/** `pnpm seed` (this file run by node; tests import `seedDemo`). */
async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  await seedDemo(app);
  await app.close();
}

if (require.main === module) {
  const refusal = demoSeedRefusal(process.env.NODE_ENV);
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  seed().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
