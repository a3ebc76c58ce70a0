import { priceLines } from '@tessera/billing';
import type { PlanBilling } from '@tessera/plans';
import type { MemberRequestDto, MemberRequestStaffDto, MemberRequestStepDto } from './dto/member-request-response.dto';
import type { MemberRequestRow } from './member-request.repository';

/** A request as its member sees it; the history is its opening and, once closed, its close. */
export function memberRequestDtoOf(row: MemberRequestRow): MemberRequestDto {
  const history: MemberRequestStepDto[] = [
    { state: 'pending', at: row.createdAt, by: row.requestedByName, note: null },
  ];
  if (row.decidedAt && row.state !== 'pending')
    history.push({ state: row.state, at: row.decidedAt, by: row.decidedByName ?? '', note: row.decisionNote });
  const outcome = row.outcome;
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    state: row.state,
    fromPlan: { id: row.fromPlanId, name: row.fromPlanName },
    toPlan: row.toPlanId ? { id: row.toPlanId, name: row.toPlanName ?? '' } : null,
    effective: row.effect,
    note: row.note,
    reason: row.reason,
    details: row.details,
    endsOn: row.endsOn,
    onBehalf: row.onBehalf,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
    outcome: outcome
      ? {
          effectiveOn: outcome.effectiveOn ?? null,
          invoice: outcome.invoice
            ? {
                id: outcome.invoice.id,
                number: outcome.invoice.number,
                amount: { amount: outcome.invoice.gross, currency: outcome.invoice.currency },
              }
            : null,
          endsOn: outcome.endsOn ?? null,
          proFormasCancelled: outcome.proFormasCancelled ?? 0,
          proFormasReissued: outcome.proFormasReissued ?? 0,
        }
      : null,
    history,
    canWithdraw: row.state === 'pending' && !row.onBehalf,
  };
}

/** Gross per period of a plan. */
export function grossOf(plan: PlanBilling): number {
  return priceLines([{ quantity: 1, unitPrice: plan.price.amount, taxRateBps: plan.taxRateBps }]).totals.gross;
}

/** A request as staff see it: with the member's status, plan and balance, and an upgrade's price effect. */
export function memberRequestStaffDtoOf(row: MemberRequestRow, plans: Map<string, PlanBilling>): MemberRequestStaffDto {
  const from = plans.get(row.fromPlanId);
  const to = row.toPlanId ? plans.get(row.toPlanId) : undefined;
  const currency = from?.price.currency ?? to?.price.currency ?? 'EUR';
  return {
    ...memberRequestDtoOf(row),
    member: { id: row.memberId, number: row.memberNumber, name: row.memberName, status: row.memberStatus },
    currentPlan: { id: row.currentPlanId, name: row.currentPlanName },
    balance: { amount: row.balance, currency },
    priceEffect:
      from && to
        ? {
            from: { amount: grossOf(from), currency },
            to: { amount: grossOf(to), currency },
            difference: { amount: grossOf(to) - grossOf(from), currency },
          }
        : null,
    approvalRequestId: row.approvalRequestId,
  };
}
