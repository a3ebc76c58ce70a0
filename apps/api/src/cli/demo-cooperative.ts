import type { INestApplicationContext } from '@nestjs/common';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService, PaymentsService } from '@tessera/billing';
import {
  ShareClassesService,
  ShareSubscriptionsService,
  type CreateShareClassDto,
  type HolderKind,
  type ShareSubscriptionDto,
} from '@tessera/cooperative';
import { PlansService, type CreatePlanDto } from '@tessera/plans';
import { OrganisationSettingsService } from '@tessera/settings';
import { DEMO_MEMBERS, demoMemberId } from './demo-members';
import { demoStaffPrincipal } from './demo-staff';

export const DEMO_STATUTES_URL = 'https://tessera.local/statutes';

/**
 * The plan of a shareholder's member record when holding shares makes them a member. Inactive: it
 * is not on the public application form, membership comes with the shares.
 */
const COOPERATOR_PLAN: CreatePlanDto = {
  code: 'cooperator',
  name: 'Cooperator membership',
  active: false,
  description: 'Comes with class A or B shares: not open for applications.',
  applicantKinds: ['individual', 'organisation'],
  price: { amount: 0, currency: 'EUR' },
  period: { count: 1, unit: 'year' },
  sortOrder: 40,
};

/** A demo share class: its price in cents, from one share up to `maxShares` (none: no limit); it makes members. */
const demoShareClass = (
  code: string,
  name: string,
  cents: number,
  holderKinds: HolderKind[],
  maxShares?: number,
): Omit<CreateShareClassDto, 'planId'> => ({
  code,
  name,
  unitPrice: { amount: cents, currency: 'EUR' },
  minShares: 1,
  ...(maxShares ? { maxShares } : {}),
  holderKinds,
  makesMember: true,
});

/** Founders (individuals only) and supporters: both make their holders members on the cooperator plan. */
const DEMO_SHARE_CLASSES = [
  demoShareClass('A', 'Founder shares', 25000, ['individual']),
  demoShareClass('B', 'Supporter shares', 2500, ['individual', 'organisation'], 40),
];

/** The demo member who is also a cooperator: 4 class B shares, paid by transfer. */
const DEMO_COOPERATOR = { email: DEMO_MEMBERS[0].email, shareClass: 'B', quantity: 4, iban: 'BE68 5390 0754 7034' };

/**
 * The co-operative of the demo: the statutes link the share form needs (when the settings name
 * none), a cooperator plan, classes A and B, and the demo member made a cooperator the way a
 * real one is — a staff entry, the demo officer's approval (the capital release request), the
 * demo finance user's record of the transfer (the register, the cooperator number and the
 * certificate). Each step is skipped when done before, so a re-run creates nothing.
 */
export async function seedDemoCooperative(app: INestApplicationContext): Promise<void> {
  const statutes = await app.get(OrganisationSettingsService).seedStatutesUrl(DEMO_STATUTES_URL);
  console.log(`${statutes ? 'Set' : 'Kept'} the statutes link`);
  const planId = await seedCooperatorPlan(app);
  const classes = app.get(ShareClassesService);
  const existing = await classes.list(true);
  for (const demoClass of DEMO_SHARE_CLASSES) {
    const kept = existing.some((candidate) => candidate.code === demoClass.code);
    if (!kept) await classes.create({ ...demoClass, planId });
    console.log(`${kept ? 'Kept' : 'Created'} share class ${demoClass.code} (${demoClass.name})`);
  }
  await seedDemoCooperator(app);
}

async function seedCooperatorPlan(app: INestApplicationContext): Promise<string> {
  const plans = app.get(PlansService);
  const created = await plans.seedPlan(COOPERATOR_PLAN);
  console.log(`${created ? 'Created' : 'Kept'} plan ${COOPERATOR_PLAN.code} (${COOPERATOR_PLAN.name})`);
  // Inactive plans are listed to administrators.
  const admin = await demoStaffPrincipal(app, 'admin');
  const plan = (await plans.list(true, admin)).items.find((candidate) => candidate.code === COOPERATOR_PLAN.code);
  if (!plan) throw new Error(`The plan ${COOPERATOR_PLAN.code} is missing`);
  return plan.id;
}

/** Takes the demo cooperator's subscription as far as it has not gone yet: entered, approved, paid. */
async function seedDemoCooperator(app: INestApplicationContext): Promise<void> {
  const subscriptions = app.get(ShareSubscriptionsService);
  const memberId = await demoMemberId(app, DEMO_COOPERATOR.email);
  const shareClass = (await app.get(ShareClassesService).list(true)).find((c) => c.code === DEMO_COOPERATOR.shareClass);
  if (!shareClass) throw new Error(`The share class ${DEMO_COOPERATOR.shareClass} is missing`);
  const officer = await demoStaffPrincipal(app, 'officer', 'officer@tessera.local');
  let subscription = await subscriptionOf(subscriptions, memberId, shareClass.id);
  if (!subscription) {
    subscription = await subscriptions.submit(
      {
        kind: 'individual',
        memberId,
        shareClassId: shareClass.id,
        quantity: DEMO_COOPERATOR.quantity,
        iban: DEMO_COOPERATOR.iban,
        locale: 'en',
        consent: true,
      },
      officer,
    );
    console.log(`Created share subscription ${subscription.reference} for ${DEMO_COOPERATOR.email}`);
  }
  if (subscription.state === 'pending') {
    await app.get(ApprovalService).approve(subscription.approvalRequestId!, officer, 'Demo data');
    subscription = await subscriptions.get(subscription.id);
    console.log(`Approved ${subscription.reference}: ${subscription.capitalReleaseRequest!.number} to pay`);
  }
  if (subscription.state === 'approved') {
    const crr = subscription.capitalReleaseRequest!;
    const finance = await demoStaffPrincipal(app, 'finance', 'finance@tessera.local');
    await app.get(PaymentsService).record({
      memberId,
      amount: crr.amountDue.amount,
      currency: crr.amountDue.currency,
      method: 'bank-transfer',
      source: 'staff',
      paidOn: await app.get(BillingDocumentsService).today(),
      payer: subscription.holder.name,
      externalReference: crr.paymentReference,
      allocations: [{ documentId: crr.id, amount: crr.amountDue.amount }],
      recordedByUserId: finance.userId,
    });
    console.log(`Recorded the transfer paying ${crr.number}: ${DEMO_COOPERATOR.email} is a cooperator`);
    return;
  }
  console.log(`Kept ${DEMO_COOPERATOR.email}'s ${subscription.reference} (${subscription.state})`);
}

/**
 * The member's subscription of the class the seed made: the paid one, else one on its way (a run
 * that stopped half-way), else one staff closed — none when the seed never made one.
 */
async function subscriptionOf(
  subscriptions: ShareSubscriptionsService,
  memberId: string,
  shareClassId: string,
): Promise<ShareSubscriptionDto | undefined> {
  const theirs: ShareSubscriptionDto[] = [];
  const pageSize = 200;
  for (let page = 1, total = 1; (page - 1) * pageSize < total; page += 1) {
    const found = await subscriptions.list({ page, pageSize, offset: (page - 1) * pageSize });
    theirs.push(...found.items.filter((s) => s.holder.memberId === memberId && s.shareClass.id === shareClassId));
    total = found.total;
  }
  return (
    theirs.find((s) => s.state === 'paid') ??
    theirs.find((s) => s.state === 'pending' || s.state === 'approved') ??
    theirs[0]
  );
}
