import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, type Principal } from '@tessera/core';
import { CreatePlanDto, PlanDto, PlanListDto, UpdatePlanDto } from './dto/plan.dto';
import type { Plan } from './entities/plan.entity';
import { PlanRepository } from './plan.repository';
import type { ApplicantKind } from './plans.types';

/** The plans people apply for: the public list, and their administration. */
@Injectable()
export class PlansService {
  constructor(
    private readonly transactions: Transactions,
    private readonly plans: PlanRepository,
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
      if (await this.plans.findByCode(dto.code)) throw codeTaken(dto.code);
      const plan = await this.plans.save(this.plans.create(fieldsOf(dto, 'create')));
      return PlanDto.from(plan);
    });
  }

  async update(id: string, dto: UpdatePlanDto): Promise<PlanDto> {
    return this.transactions.run(async () => {
      const plan = await this.plans.lockById(id);
      if (!plan) throw ProblemException.notFound('No plan has this id.', 'plan-not-found');
      if (dto.code !== undefined && dto.code !== plan.code && (await this.plans.findByCode(dto.code)))
        throw codeTaken(dto.code);
      Object.assign(plan, fieldsOf(dto, 'update'));
      return PlanDto.from(await this.plans.save(plan));
    });
  }

  /**
   * The plan an application may be made on, or why not (for the `application.planId` field).
   * Unknown, inactive and not-for-this-kind all read the same to the applicant.
   */
  async planForApplication(id: string, kind: ApplicantKind): Promise<{ plan: PlanDto } | { problem: string }> {
    const plan = await this.plans.findById(id);
    if (!plan || !plan.active) return { problem: 'is not a plan open for applications' };
    if (!plan.applicantKinds.includes(kind))
      return { problem: `is not open to ${kind === 'individual' ? 'individuals' : 'organisations'}` };
    return { plan: PlanDto.from(plan) };
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

  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const plans = await this.plans.findByIds([...new Set(ids)]);
    return new Map(plans.map((plan) => [plan.id, plan.name]));
  }

  /** Demo data: inserts the plan unless one has its code; true when inserted. */
  async seedPlan(dto: CreatePlanDto): Promise<boolean> {
    return this.plans.insertIfCodeFree(this.plans.create(fieldsOf(dto, 'create')));
  }
}

function codeTaken(code: string): ProblemException {
  return ProblemException.conflict(`A plan with the code "${code}" already exists.`, 'plan-code-taken');
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
    active: dto.active ?? (isCreate ? true : undefined),
    approvalFlowId: dto.approvalFlowId === undefined ? (isCreate ? null : undefined) : dto.approvalFlowId,
    sortOrder: dto.sortOrder ?? (isCreate ? 0 : undefined),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
