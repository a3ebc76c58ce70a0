import type { INestApplicationContext } from '@nestjs/common';
import { DEMO_STAFF_PASSWORD } from '@tessera/core';
import { OrdersService } from '@tessera/orders';
import { MembersService } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import { UsersService } from '@tessera/users';
import { demoStaffPrincipal } from './demo-staff';

/**
 * Demo members who can sign in to the portal at once (the staff's demo password, README lists
 * them): each bought their plan in an order the demo officer recorded and confirmed, so the
 * member, subscription, first invoice and portal account come from the real code — the paid plan
 * leaves an open invoice with its PDF, the free student plan a settled zero invoice.
 */
export const DEMO_MEMBERS = [
  { email: 'member@tessera.local', name: 'Marie Member', planCode: 'individual', locale: 'en' as const },
  { email: 'student@tessera.local', name: 'Sacha Student', planCode: 'student', locale: 'fr' as const },
];

/** The order that made a demo member: found again on a re-run, which then keeps everything. */
const DEMO_ORDER_REFERENCE = 'DEMO-SEED';

/** Seeds the demo members (kept if their order was confirmed before); logs what it did. */
export async function seedDemoMembers(app: INestApplicationContext): Promise<void> {
  const orders = app.get(OrdersService);
  const plans = (await app.get(PlansService).list(false, undefined)).items;
  // Recorded as the demo officer would in the back office.
  const seller = await demoStaffPrincipal(app, 'officer', 'officer@tessera.local');
  for (const member of DEMO_MEMBERS) {
    const plan = plans.find((candidate) => candidate.code === member.planCode);
    if (!plan) throw new Error(`The demo plan ${member.planCode} is missing`);
    const previous = await orders.list({ q: member.email, status: 'confirmed', page: 1, pageSize: 20, offset: 0 });
    if (previous.items.some((order) => order.externalReference === DEMO_ORDER_REFERENCE)) {
      console.log(`Kept ${member.email} (member, ${plan.name})`);
      continue;
    }
    // An account with the demo password first: the order's confirmation then links it, invites no one.
    await app.get(UsersService).seedUser({ ...member, roles: ['member'], password: DEMO_STAFF_PASSWORD });
    const order = await orders.create(
      {
        customer: { email: member.email, name: member.name, locale: member.locale },
        lines: [{ planId: plan.id }],
        externalReference: DEMO_ORDER_REFERENCE,
      },
      seller,
    );
    await orders.confirm(order.id);
    console.log(`Created ${member.email} (member, ${plan.name}, order ${order.reference})`);
  }
}

/** A demo member's id, found by their e-mail. */
export async function demoMemberId(app: INestApplicationContext, email: string): Promise<string> {
  const found = await app.get(MembersService).list({ q: email, page: 1, pageSize: 20, offset: 0 });
  const member = found.items.find((candidate) => candidate.email === email);
  if (!member) throw new Error(`The demo member ${email} is missing: seed the demo members first`);
  return member.id;
}
