import { Injectable } from '@nestjs/common';
import { PlansService } from '@tessera/plans';
import { SubscriptionChangesService } from '@tessera/subscription';
import type { MemberRequest, MemberRequestOutcome } from './entities/member-request.entity';
import type { RequestNames } from './member-request.mailer';
import { TERMINATION_REASON_WORDS, type TerminationReason } from './termination-reasons';

/** What an approved request does to the subscription, in the approval's transaction. */
@Injectable()
export class MemberRequestEffectsService {
  constructor(
    private readonly changes: SubscriptionChangesService,
    private readonly plans: PlansService,
  ) {}

  async apply(request: MemberRequest, actorUserId: string | null): Promise<MemberRequestOutcome> {
    if (request.kind === 'upgrade') {
      const changed = await this.changes.changePlan(
        request.subscriptionId,
        request.toPlanId as string,
        request.effect ?? 'renewal',
        `request ${request.reference}`,
        actorUserId,
      );
      return {
        effectiveOn: changed.quote.effectiveOn,
        invoice: changed.invoice
          ? {
              id: changed.invoice.id,
              number: changed.invoice.number,
              gross: changed.invoice.grossAmount,
              currency: changed.quote.to.currency,
            }
          : null,
        proFormasReissued: changed.reissued,
        proFormasCancelled: changed.reissued,
      };
    }
    const ended = await this.changes.scheduleTermination(
      request.subscriptionId,
      request.endsOn,
      `${terminationWords(request)} (request ${request.reference})`,
      actorUserId,
    );
    return { endsOn: ended.quote.endsOn, proFormasCancelled: ended.cancelled, proFormasReissued: 0 };
  }

  async namesOf(request: Pick<MemberRequest, 'fromPlanId' | 'toPlanId'>): Promise<RequestNames> {
    const ids = [request.fromPlanId, ...(request.toPlanId ? [request.toPlanId] : [])];
    const names = await this.plans.namesOf(ids);
    return {
      fromPlanName: names.get(request.fromPlanId) ?? '',
      toPlanName: request.toPlanId ? (names.get(request.toPlanId) ?? '') : '',
    };
  }
}

/** "Moving away: going back to Canada". */
export function terminationWords(request: Pick<MemberRequest, 'reason' | 'details'>): string {
  const reason = TERMINATION_REASON_WORDS[request.reason as TerminationReason] ?? request.reason ?? '';
  return request.details ? `${reason}: ${request.details}` : reason;
}
