import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, type Principal, type SqlCondition } from '@tessera/core';
import { CreatePlanDto, PlanDto, PlanListDto, UpdatePlanDto } from './dto/plan.dto';
import type { Plan } from './entities/plan.entity';
import { anchoringProblems, calendarAnchorOf, planBilling, type PlanBilling } from './plan-billing';
import { PlanChangeListeners } from './plan-change-listeners';
import { PlanRepository } from './plan.repository';
import { DEFAULT_LAPSE_DAYS, DEFAULT_RENEWAL_LEAD_DAYS, type ApplicantKind } from './plans.types';

/** The plans people apply for: the public list, and their administration. */
@Injectable()
export class PlansService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlanRepository,
    private readonly listeners: PlanChangeListeners,
  ) {}

  /** Active plans by sort order; administrators may ask for inactive ones too. */
  async list(includeInactive: boolean, principal: Principal | undefined): Promise<PlanListDto> {
    if (includeInactive && !(principal?.kind === 'user' && principal.roles.includes('admin')))
      throw ProblemException.forbidden('Only administrators can list inactive plans.');
    const plans = await this.plans.list({ includeInactive });
    return { items: plans.map(PlanDto.from) };
  }

  async create(dto: CreatePlanDto): Promise<PlanDto> {
    return this.transactions.run(async () => {
      checkAnchoring(dto, undefined);
      if (await this.plans.findByCode(dto.code)) throw codeTaken(dto.code);
      const plan = await this.plans.save(this.plans.create(fieldsOf(dto, 'create')));
      return PlanDto.from(plan);
    });
  }

  async update(id: string, dto: UpdatePlanDto): Promise<PlanDto> {
    return this.transactions.run(async () => {
      const plan = await this.plans.lockById(id);
      if (!plan) throw ProblemException.notFound('No plan has this id.', 'plan-not-found');
      checkAnchoring(dto, plan);
      if (dto.code !== undefined && dto.code !== plan.code && (await this.plans.findByCode(dto.code)))
        throw codeTaken(dto.code);
      const days = { grace: plan.graceDays, lapse: plan.lapseDays };
      Object.assign(plan, fieldsOf(dto, 'update'));
      const saved = await this.plans.save(plan);
      if (saved.graceDays !== days.grace || saved.lapseDays !== days.lapse)
        await this.listeners.statusDaysChanged(saved.id);
      return PlanDto.from(saved);
    });
  }

  /**
   * The plan an application with `documents` supporting documents may be made on, or why not:
   * a problem with the plan itself (unknown, inactive and not-for-this-kind read the same to the
   * applicant) or with the documents it requires.
   */
  async planForApplication(
    id: string,
    kind: ApplicantKind,
    documents: number,
  ): Promise<{ plan: PlanDto } | { problem: string; about: 'plan' | 'documents' }> {
    const plan = await this.plans.findById(id);
    if (!plan || !plan.active) return { problem: 'is not a plan open for applications', about: 'plan' };
    if (!plan.applicantKinds.includes(kind))
      return { problem: `is not open to ${kind === 'individual' ? 'individuals' : 'organisations'}`, about: 'plan' };
    if (documents < plan.documentsRequired) return { problem: documentsProblem(plan), about: 'documents' };
    return { plan: PlanDto.from(plan) };
  }

  /** The same rule as planForApplication, as a condition for an INSERT … SELECT … WHERE (see SqlCondition). */
  openForApplicationCondition(placeholders: { planId: string; kind: string; documents: string }): SqlCondition {
    return PlanRepository.openForApplication(placeholders);
  }

  /** A plan, active or not (an application keeps its plan when the plan is withdrawn later). */
  async byId(id: string): Promise<PlanDto | undefined> {
    const plan = await this.plans.findById(id);
    return plan ? PlanDto.from(plan) : undefined;
  }

  /** Active plans by id, for pricing a sale; ids that are unknown or inactive are absent. */
  async activePlansByIds(ids: string[]): Promise<Map<string, PlanDto>> {
    const plans = await this.plans.findByIds([...new Set(ids)]);
    return new Map(plans.filter((plan) => plan.active).map((plan) => [plan.id, PlanDto.from(plan)]));
  }

  /**
   * The billing terms of plans, active or not, by id (unknown ids are absent). Joins the
   * caller's transaction, so subscriptions and invoices read them with the change they make.
   */
  async billingOf(planIds: string[]): Promise<Map<string, PlanBilling>> {
    const plans = await this.plans.findByIds([...new Set(planIds)]);
    return new Map(plans.map((plan) => [plan.id, planBilling(plan)]));
  }

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const plans = await this.plans.findByIds([...new Set(ids)]);
    return new Map(plans.map((plan) => [plan.id, plan.name]));
  }

  /** Demo data: inserts the plan unless one has its code; true when inserted. */
  async seedPlan(dto: CreatePlanDto): Promise<boolean> {
    checkAnchoring(dto, undefined);
    return this.plans.insertIfCodeFree(this.plans.create(fieldsOf(dto, 'create')));
  }
}

function documentsProblem(plan: Plan): string {
  const count =
    plan.documentsRequired === 1 ? 'a supporting document' : `${plan.documentsRequired} supporting documents`;
  return `are required for this plan: attach ${count}${plan.documentsHint ? ` (${plan.documentsHint})` : ''}`;
}

function codeTaken(code: string): ProblemException {
  return ProblemException.conflict(`A plan with the code "${code}" already exists.`, 'plan-code-taken');
}

/**
 * Refuses an inconsistent anchoring, as the plan would be after the change (`plan` undefined for
 * a create). Changing the anchor to join-date clears the calendar fields that are not sent.
 */
function checkAnchoring(dto: CreatePlanDto | UpdatePlanDto, plan: Plan | undefined): void {
  const toJoinDate = dto.billingAnchor === 'join-date';
  const problems = anchoringProblems({
    billingAnchor: dto.billingAnchor ?? plan?.billingAnchor ?? 'join-date',
    calendarAnchor:
      dto.calendarAnchor !== undefined ? dto.calendarAnchor : toJoinDate || !plan ? null : calendarAnchorOf(plan),
    prorateFirstPeriod: dto.prorateFirstPeriod ?? (toJoinDate || !plan ? false : plan.prorateFirstPeriod),
    period: dto.period ?? { count: plan?.periodCount ?? 1, unit: plan?.periodUnit ?? 'year' },
  });
  if (problems.length) throw ProblemException.validation(problems);
}

/** DTO → entity fields; for a create, fields left out get their defaults. */
function fieldsOf(dto: CreatePlanDto | UpdatePlanDto, mode: 'create' | 'update'): Partial<Plan> {
  const isCreate = mode === 'create';
  const fields: Partial<Plan> = {
    code: dto.code,
    name: dto.name,
    description: dto.description ?? (isCreate ? '' : undefined),
    applicantKinds: dto.applicantKinds,
    priceAmount: dto.price?.amount,
    priceCurrency: dto.price?.currency,
    periodCount: dto.period?.count,
    periodUnit: dto.period?.unit,
    graceDays: dto.graceDays ?? (isCreate ? 0 : undefined),
    lapseDays: dto.lapseDays ?? (isCreate ? DEFAULT_LAPSE_DAYS : undefined),
    active: dto.active ?? (isCreate ? true : undefined),
    approvalFlowId: dto.approvalFlowId === undefined ? (isCreate ? null : undefined) : dto.approvalFlowId,
    documentsRequired: dto.documentsRequired ?? (isCreate ? 0 : undefined),
    documentsHint: dto.documentsHint === undefined ? (isCreate ? null : undefined) : dto.documentsHint,
    sortOrder: dto.sortOrder ?? (isCreate ? 0 : undefined),
    taxRateBps: dto.taxRateBps ?? (isCreate ? 0 : undefined),
    billingAnchor: dto.billingAnchor ?? (isCreate ? 'join-date' : undefined),
    ...calendarFields(dto, isCreate),
    renewalLeadDays: dto.renewalLeadDays ?? (isCreate ? DEFAULT_RENEWAL_LEAD_DAYS : undefined),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** The calendar fields to write: those sent, and cleared ones when the anchor becomes join-date. */
function calendarFields(
  dto: CreatePlanDto | UpdatePlanDto,
  isCreate: boolean,
): Pick<Partial<Plan>, 'anchorMonth' | 'anchorDay' | 'prorateFirstPeriod'> {
  const clearing = isCreate || dto.billingAnchor === 'join-date';
  const anchor = dto.calendarAnchor === undefined ? (clearing ? null : undefined) : dto.calendarAnchor;
  return {
    anchorMonth: anchor === undefined ? undefined : (anchor?.month ?? null),
    anchorDay: anchor === undefined ? undefined : (anchor?.day ?? null),
    prorateFirstPeriod: dto.prorateFirstPeriod ?? (clearing ? false : undefined),
  };
}
