import { Injectable } from '@nestjs/common';
import {
  isForeignKeyViolation,
  isUniqueViolation,
  ProblemException,
  Transactions,
  type SqlCondition,
} from '@tessera/core';
import { In } from 'typeorm';

import { Plan } from './entities/plan.entity';

/** The only place that speaks TypeORM for `plans`; joins the caller's transaction. */
@Injectable()
export class PlanRepository {
  constructor(private readonly transactions: Transactions) {}

  private get plans() {
    return this.transactions.repository(Plan);
  }

  /**
   * The plan `planId` is active, open to applicants of kind `kind`, and requires no more
   * supporting documents than `documents` (all three placeholders of the caller's statement).
   * `PlansService.planForApplication` says why a plan refuses an application.
   */
  static openForApplication(placeholders: { planId: string; kind: string; documents: string }): SqlCondition {
    const { planId, kind, documents } = placeholders;
    return {
      name: 'plans.openForApplication',
      sql: `EXISTS (SELECT 1 FROM plans WHERE plans.id = ${planId}::uuid AND plans.active
                     AND ${kind}::text = ANY (plans.applicant_kinds)
                     AND plans.documents_required <= ${documents}::int)`,
    };
  }

  findById(id: string): Promise<Plan | null> {
    return this.plans.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Plan[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.plans.findBy({ id: In(ids) });
  }

  findByCode(code: string): Promise<Plan | null> {
    return this.plans.findOneBy({ code });
  }

  list(options: { includeInactive: boolean }): Promise<Plan[]> {
    return this.plans.find({
      where: options.includeInactive ? {} : { active: true },
      order: { sortOrder: 'ASC', name: 'ASC', id: 'ASC' },
    });
  }

  lockById(id: string): Promise<Plan | null> {
    return this.plans.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  create(fields: Partial<Plan>): Plan {
    return this.plans.create(fields);
  }

  /**
   * Saves; a taken code is a 409 (the unique index decides, also under concurrency), an approval
   * flow that does not exist a field error (the foreign key, added by registration, decides).
   */
  async save(plan: Plan): Promise<Plan> {
    try {
      return await this.plans.save(plan);
    } catch (error) {
      if (isUniqueViolation(error, 'plans_code_key'))
        throw ProblemException.conflict(`A plan with the code "${plan.code}" already exists.`, 'plan-code-taken');
      if (isForeignKeyViolation(error, 'plans_approval_flow_fk'))
        throw ProblemException.validation([{ field: 'approvalFlowId', message: 'is not an approval flow' }]);
      throw error;
    }
  }

  /** Inserts unless a plan has this code; true when inserted. */
  async insertIfCodeFree(plan: Plan): Promise<boolean> {
    const result = await this.plans
      .createQueryBuilder()
      .insert()
      .into(Plan)
      .values(plan)
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.identifiers.some((identifier) => identifier?.id);
  }
}
