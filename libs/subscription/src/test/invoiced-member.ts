import type { TestingModule } from '@nestjs/testing';
import { MembersService } from '@tessera/members';
import { SubscriptionService } from '../subscription.service';

/**
 * A person, made a member and subscribed to `planId` from 2026-06-01 by staff: pending, with the
 * open first invoice of the plan's price (for the payment and receipt tests).
 */
export async function invoicedMember(
  moduleRef: TestingModule,
  planId: string,
  person: { firstName: string; lastName: string; email: string },
  locale: 'en' | 'fr' = 'en',
): Promise<{ memberId: string; invoiceId: string; subscriptionId: string }> {
  const { memberId } = await moduleRef.get(MembersService).createOrMatchFromApplication({
    kind: 'person',
    planId,
    locale,
    source: { type: 'staff', id: null, reference: null },
    person,
  });
  const outcome = await moduleRef.get(SubscriptionService).subscribe({
    memberId,
    planId,
    startDate: '2026-06-01',
    origin: { type: 'staff', id: null, reference: null },
  });
  if (!outcome.created) throw new Error('expected a subscription');
  return { memberId, invoiceId: outcome.invoice.id, subscriptionId: outcome.subscriptionId };
}
