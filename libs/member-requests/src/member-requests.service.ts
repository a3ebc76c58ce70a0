import { Injectable } from '@nestjs/common';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService, formatDocumentDate } from '@tessera/billing';
import {
  Clock,
  formatYearlyReference,
  isUniqueViolation,
  pageOf,
  ProblemException,
  problemType,
  Transactions,
  userIdOf,
  type Page,
  type Principal,
} from '@tessera/core';
import { memberIdsActedForSql, MembersService, SignedInPerson, type MemberDetailDto } from '@tessera/members';
import { PlansService } from '@tessera/plans';
import {
  addDays,
  planChangeRefusal,
  SubscriptionChangesService,
  type PlanChangeEffect,
  type SubscriptionRow,
} from '@tessera/subscription';
import { StaffDirectory } from '@tessera/users';
import type {
  CreateMemberRequestDto,
  ListMemberRequestsQueryDto,
  TerminateOnBehalfDto,
} from './dto/member-request-input.dto';
import type {
  MemberRequestDto,
  MemberRequestStaffDto,
  PlanOptionDto,
  RequestOptionsDto,
  RequestPreviewDto,
} from './dto/member-request-response.dto';
import type { MemberRequest } from './entities/member-request.entity';
import { grossOf, memberRequestDtoOf, memberRequestStaffDtoOf } from './member-request-dto';
import { MemberRequestEffectsService, terminationWords } from './member-request-effects.service';
import { MemberRequestMailer } from './member-request.mailer';
import { MemberRequestRepository, ONE_OPEN_INDEX, type MemberRequestRow } from './member-request.repository';
import { MemberRequestTransitionsService, requestNotFound } from './member-request-transitions.service';
import type { MemberRequestKind } from './member-request-state';
import { TERMINATION_REASONS } from './termination-reasons';

const KIND_WORDS: Record<MemberRequestKind, string> = {
  upgrade: 'to change your plan',
  termination: 'to end your membership',
};

/**
 * Members' plan change and termination requests (issue 17): made from the portal, decided through
 * the approval engine (`*-outcomes.handler.ts`), withdrawn by their member, or made by staff on a
 * member's behalf. One pending request of each kind per member, kept by a partial unique index.
 */
@Injectable()
export class MemberRequestsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: MemberRequestRepository,
    private readonly transitions: MemberRequestTransitionsService,
    private readonly effects: MemberRequestEffectsService,
    private readonly approvals: ApprovalService,
    private readonly changes: SubscriptionChangesService,
    private readonly plans: PlansService,
    private readonly members: MembersService,
    private readonly billing: BillingDocumentsService,
    private readonly staff: StaffDirectory,
    private readonly mailer: MemberRequestMailer,
    private readonly signedIn: SignedInPerson,
    private readonly clock: Clock,
  ) {}

  /** Their requests, newest first. */
  async mine(principal: Principal): Promise<MemberRequestDto[]> {
    const rows = await this.requests.rowsOfMembers(this.ownMembersSql(), userIdOf(principal));
    return rows.map(memberRequestDtoOf);
  }

  /** What "Change plan" and "End my membership" offer them. */
  async options(principal: Principal): Promise<RequestOptionsDto> {
    const current = await this.changes.currentOf(this.ownMembers(), userIdOf(principal));
    const none = { membership: null, plans: [], terminationReasons: [...TERMINATION_REASONS] };
    if (!current || current.state !== 'active') return { ...none, pendingUpgrade: null, pendingTermination: null };
    const member = await this.members.get(current.memberId);
    const pending = (await this.requests.rowsOfMembers((p) => `(SELECT ${p}::uuid)`, current.memberId)).filter(
      (row) => row.state === 'pending',
    );
    const pendingOf = (kind: MemberRequestKind) => {
      const row = pending.find((candidate) => candidate.kind === kind);
      return row ? memberRequestDtoOf(row) : null;
    };
    const candidates = (await this.plans.list(false, undefined)).items.filter(
      (plan) => plan.id !== current.planId && plan.applicantKinds.includes(applicantKindOf(member)),
    );
    const billing = await this.plans.billingOf([current.planId, ...candidates.map((plan) => plan.id)]);
    const from = billing.get(current.planId);
    const plans: PlanOptionDto[] = [];
    for (const plan of candidates) {
      const to = billing.get(plan.id);
      if (!from || !to || planChangeRefusal(from, to, 'renewal')) continue;
      const effects: PlanChangeEffect[] = planChangeRefusal(from, to, 'now') ? ['renewal'] : ['now', 'renewal'];
      const difference = to.price.amount - from.price.amount;
      plans.push({
        id: plan.id,
        name: plan.name,
        description: plan.description,
        price: { amount: grossOf(to), currency: to.price.currency },
        direction: difference > 0 ? 'higher' : difference < 0 ? 'lower' : 'same',
        effects,
      });
    }
    return {
      membership: {
        subscriptionId: current.id,
        plan: { id: current.planId, name: current.planName },
        price: from ? { amount: grossOf(from), currency: from.price.currency } : { amount: 0, currency: 'EUR' },
        currentPeriod: { start: current.currentPeriodStart, end: current.currentPeriodEnd },
        nextRenewalDate: nextDay(current.currentPeriodEnd),
        endsOn: current.endsOn,
        nextPlan: current.nextPlanId ? { id: current.nextPlanId, name: current.nextPlanName ?? '' } : null,
      },
      plans,
      terminationReasons: [...TERMINATION_REASONS],
      pendingUpgrade: pendingOf('upgrade'),
      pendingTermination: pendingOf('termination'),
    };
  }

  /** What the request would do if approved today (nothing is written). */
  async preview(principal: Principal, dto: CreateMemberRequestDto): Promise<RequestPreviewDto> {
    const { subscription, member } = await this.myActiveMembership(principal);
    if (dto.kind === 'upgrade') {
      await this.assertOpenToMember(dto.planId as string, member);
      const quote = await this.changes.quotePlanChange(subscription.id, dto.planId as string, dto.effective!);
      const money = (amount: number) => ({ amount, currency: quote.to.currency });
      return {
        kind: 'upgrade',
        upgrade: {
          from: { id: quote.from.id, name: quote.from.name },
          to: { id: quote.to.id, name: quote.to.name },
          fromPrice: money(quote.from.gross),
          toPrice: money(quote.to.gross),
          effective: quote.effect,
          effectiveOn: quote.effectiveOn,
          currentPeriod: quote.currentPeriod,
          nextRenewalDate: nextDay(quote.currentPeriod.end),
          proRata: quote.proRata
            ? {
                from: quote.proRata.from,
                to: quote.proRata.to,
                days: quote.proRata.daysLeft,
                fullDays: quote.proRata.fullDays,
                net: money(quote.proRata.amount),
                tax: money(quote.proRata.tax),
                gross: money(quote.proRata.gross),
              }
            : null,
        },
        termination: null,
      };
    }
    const quote = await this.changes.quoteTermination(subscription.id, dto.effectiveDate ?? null);
    return {
      kind: 'termination',
      upgrade: null,
      termination: { endsOn: quote.endsOn, currentPeriod: quote.currentPeriod },
    };
  }

  /**
   * Makes a request and opens its approval request (the approvers are e-mailed), and confirms it
   * to the member, in one transaction. A second pending request of the kind: 409 saying when the
   * first was made — also when both arrive at once (the unique index decides).
   */
  async submit(principal: Principal, dto: CreateMemberRequestDto): Promise<MemberRequestDto> {
    const { subscription, member } = await this.myActiveMembership(principal);
    const userId = userIdOf(principal);
    try {
      const id = await this.transactions.run(async () => {
        await this.refuseIfPending(member.id, dto.kind);
        const contact = await this.members.contactFor(member.id);
        let toPlanName = '';
        let endsOn: string | null = null;
        if (dto.kind === 'upgrade') {
          await this.assertOpenToMember(dto.planId as string, member);
          toPlanName = (await this.changes.quotePlanChange(subscription.id, dto.planId as string, dto.effective!)).to
            .name;
        } else {
          endsOn = (await this.changes.quoteTermination(subscription.id, dto.effectiveDate ?? null)).endsOn;
        }
        const request = await this.insert({
          kind: dto.kind,
          member,
          subscription,
          dto,
          endsOn: dto.kind === 'termination' ? endsOn : null,
          requestedBy: { userId, name: contact.name },
          onBehalf: false,
        });
        const title =
          dto.kind === 'upgrade'
            ? `${member.name} (${member.number}): change of plan to ${toPlanName} ${dto.effective === 'now' ? 'from now' : 'at renewal'}`
            : `${member.name} (${member.number}): end of membership on ${endsOn}`;
        const opened = await this.approvals.open({
          subjectType: dto.kind,
          subjectId: request.id,
          flowId: null,
          title,
          reference: request.reference,
          openedBy: userId,
        });
        request.approvalRequestId = opened.id;
        await this.requests.save(request);
        await this.mailer.received(request, { fromPlanName: subscription.planName, toPlanName });
        return request.id;
      });
      return memberRequestDtoOf((await this.requests.findRow(id)) as MemberRequestRow);
    } catch (error) {
      if (isUniqueViolation(error, ONE_OPEN_INDEX)) await this.refuseIfPending(member.id, dto.kind);
      throw error;
    }
  }

  /**
   * The member withdraws their pending request: its approval request is cancelled first (the lock
   * every decision takes), so a decision and a withdrawal at once give one outcome; the later of
   * the two gets a 409 saying what happened.
   */
  async withdraw(principal: Principal, id: string): Promise<MemberRequestDto> {
    const own = (await this.requests.rowsOfMembers(this.ownMembersSql(), userIdOf(principal))).find(
      (row) => row.id === id,
    );
    if (!own) throw requestNotFound();
    if (own.onBehalf)
      throw ProblemException.conflict(
        'Staff made this request for you; it cannot be withdrawn.',
        'member-request-closed',
      );
    const userId = userIdOf(principal);
    await this.transactions.run(async () => {
      await this.approvals.cancelForSubject(own.kind, id, 'Withdrawn by the member', userId);
      const request = await this.transitions.lockFor(id, 'withdrawn');
      const name = (await this.staff.nameOf(userId)) ?? own.requestedByName;
      await this.transitions.close(request, 'withdrawn', { userId, name }, null);
      await this.mailer.outcome(request, await this.effects.namesOf(request), 'withdrawn');
    });
    return memberRequestDtoOf((await this.requests.findRow(id)) as MemberRequestRow);
  }

  /** Staff end a membership for its member, at once (no approval): recorded as an approved request. */
  async terminateOnBehalf(
    memberId: string,
    dto: TerminateOnBehalfDto,
    principal: Principal,
  ): Promise<MemberRequestStaffDto> {
    const member = await this.members.get(memberId);
    const userId = userIdOf(principal);
    const [officer] = await this.staff.activeStaff([userId]);
    const actor = { userId, name: officer?.name ?? 'Staff' };
    const id = await this.transactions.run(async () => {
      const subscription = await this.changes.liveOf(memberId);
      if (!subscription || subscription.state !== 'active')
        throw ProblemException.conflict('This member has no active membership to end.', 'no-active-membership');
      const pending = await this.requests.findPending(memberId, 'termination');
      if (pending)
        throw ProblemException.conflict(
          `The member asked to end their membership (${pending.reference}): decide that request under Approvals instead.`,
          'member-request-pending',
        );
      const endsOn = (await this.changes.quoteTermination(subscription.id, dto.effectiveDate ?? null)).endsOn;
      const request = await this.insert({
        kind: 'termination',
        member,
        subscription,
        dto: { kind: 'termination', reason: dto.reason, details: dto.details, effectiveDate: dto.effectiveDate },
        endsOn,
        requestedBy: actor,
        onBehalf: true,
      });
      const outcome = await this.effects.apply(request, userId);
      await this.transitions.close(request, 'approved', actor, terminationWords(request), outcome);
      await this.mailer.outcome(request, await this.effects.namesOf(request), 'approved');
      return request.id;
    });
    return this.get(id);
  }

  async list(query: ListMemberRequestsQueryDto): Promise<Page<MemberRequestStaffDto>> {
    const [rows, total] = await this.requests.list({
      memberId: query.memberId,
      state: query.state,
      kind: query.kind,
      approvalRequestId: query.approvalRequestId,
      offset: query.offset,
      limit: query.pageSize,
    });
    const plans = await this.plans.billingOf(
      rows.flatMap((row) => [row.fromPlanId, ...(row.toPlanId ? [row.toPlanId] : [])]),
    );
    return pageOf(
      rows.map((row) => memberRequestStaffDtoOf(row, plans)),
      total,
      query,
    );
  }

  async get(id: string): Promise<MemberRequestStaffDto> {
    const row = await this.requests.findRow(id);
    if (!row) throw ProblemException.notFound('No request has this id.', 'member-request-not-found');
    const plans = await this.plans.billingOf([row.fromPlanId, ...(row.toPlanId ? [row.toPlanId] : [])]);
    return memberRequestStaffDtoOf(row, plans);
  }

  private async insert(input: {
    kind: MemberRequestKind;
    member: MemberDetailDto;
    subscription: SubscriptionRow;
    dto: CreateMemberRequestDto;
    endsOn: string | null;
    requestedBy: { userId: string | null; name: string };
    onBehalf: boolean;
  }): Promise<MemberRequest> {
    const today = await this.billing.today();
    const reference = formatYearlyReference('REQ', Number(today.slice(0, 4)), await this.requests.nextNumber());
    const upgrade = input.kind === 'upgrade';
    return this.requests.insert({
      reference,
      kind: input.kind,
      state: 'pending',
      memberId: input.member.id,
      subscriptionId: input.subscription.id,
      fromPlanId: input.subscription.planId,
      toPlanId: upgrade ? (input.dto.planId ?? null) : null,
      effect: upgrade ? (input.dto.effective ?? null) : null,
      note: upgrade ? (input.dto.note ?? null) || null : null,
      reason: upgrade ? null : (input.dto.reason ?? null),
      details: upgrade ? null : (input.dto.details ?? null) || null,
      endsOn: input.endsOn,
      approvalRequestId: null,
      requestedBy: input.requestedBy.userId,
      requestedByName: input.requestedBy.name,
      onBehalf: input.onBehalf,
      createdAt: this.clock.now(),
      decidedAt: null,
      decidedBy: null,
      decidedByName: null,
      decisionNote: null,
      outcome: null,
    });
  }

  /** 409 when the member has a pending request of this kind, saying when it was made. */
  private async refuseIfPending(memberId: string, kind: MemberRequestKind): Promise<void> {
    const pending = await this.requests.findPending(memberId, kind);
    if (!pending) return;
    const on = formatDocumentDate(pending.createdAt.toISOString().slice(0, 10), 'en');
    throw new ProblemException({
      type: problemType('member-request-pending'),
      title: 'Conflict',
      status: 409,
      detail: `You already asked ${KIND_WORDS[kind]} on ${on} (${pending.reference}); that request is being reviewed. You can withdraw it under My requests.`,
      pendingRequestId: pending.id,
      pendingReference: pending.reference,
      pendingSince: pending.createdAt.toISOString(),
    } as never);
  }

  /** Their active subscription and its member; 409 when there is none (nothing to change or end). */
  private async myActiveMembership(
    principal: Principal,
  ): Promise<{ subscription: SubscriptionRow; member: MemberDetailDto }> {
    const subscription = await this.changes.currentOf(this.ownMembers(), userIdOf(principal));
    if (!subscription || subscription.state !== 'active')
      throw ProblemException.conflict(
        subscription?.state === 'pending'
          ? 'Your membership has not started yet (its first invoice is unpaid): pay it first.'
          : 'You have no active membership.',
        'no-active-membership',
      );
    return { subscription, member: await this.members.get(subscription.memberId) };
  }

  private async assertOpenToMember(planId: string, member: MemberDetailDto): Promise<void> {
    const plan = await this.plans.byId(planId);
    if (!plan || !plan.active || !plan.applicantKinds.includes(applicantKindOf(member)))
      throw ProblemException.validation([
        { field: 'planId', message: 'is not a plan open to your kind of membership' },
      ]);
  }

  private ownMembersSql(): (placeholder: string) => string {
    const person = this.signedIn.personOf;
    return (placeholder) => memberIdsActedForSql(person.sql(placeholder));
  }

  private ownMembers() {
    return { name: this.signedIn.personOf.name, sql: this.ownMembersSql() };
  }
}

function applicantKindOf(member: MemberDetailDto): 'individual' | 'organisation' {
  return member.kind === 'organisation' ? 'organisation' : 'individual';
}

const nextDay = (date: string) => addDays(date, 1);
