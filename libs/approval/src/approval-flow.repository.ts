import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type { ApprovalSubjectType } from './approval.types';
import { ApprovalFlow } from './entities/approval-flow.entity';

export const DEFAULT_FLOW_INDEX = 'approval_flows_default_key';
export const FLOW_NAME_INDEX = 'approval_flows_name_key';

/** The only place that speaks TypeORM for approval flows; joins the caller's transaction. */
@Injectable()
export class ApprovalFlowRepository {
  constructor(private readonly transactions: Transactions) {}

  private get flows() {
    return this.transactions.repository(ApprovalFlow);
  }

  create(fields: Partial<ApprovalFlow>): ApprovalFlow {
    return this.flows.create(fields);
  }

  save(flow: ApprovalFlow): Promise<ApprovalFlow> {
    return this.flows.save(flow);
  }

  findById(id: string): Promise<ApprovalFlow | null> {
    return this.flows.findOneBy({ id });
  }

  lockById(id: string): Promise<ApprovalFlow | null> {
    return this.flows.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findDefault(subjectType: ApprovalSubjectType): Promise<ApprovalFlow | null> {
    return this.flows.findOneBy({ subjectType, isDefault: true });
  }

  countOf(subjectType: ApprovalSubjectType): Promise<number> {
    return this.flows.countBy({ subjectType });
  }

  list(filter: {
    subjectType?: ApprovalSubjectType;
    offset: number;
    limit: number;
  }): Promise<[ApprovalFlow[], number]> {
    return this.flows.findAndCount({
      where: filter.subjectType ? { subjectType: filter.subjectType } : {},
      order: { subjectType: 'ASC', isDefault: 'DESC', name: 'ASC' },
      skip: filter.offset,
      take: filter.limit,
    });
  }

  /** Takes the default flag off the subject type's other flows, before giving it to `keepId`. */
  async clearDefault(subjectType: ApprovalSubjectType, keepId: string): Promise<void> {
    await this.flows
      .createQueryBuilder()
      .update()
      .set({ isDefault: false })
      .where('subject_type = :subjectType AND is_default AND id <> :keepId', { subjectType, keepId })
      .execute();
  }
}
