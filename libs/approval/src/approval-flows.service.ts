import { Injectable } from '@nestjs/common';
import {
  Clock,
  isUniqueViolation,
  pageOf,
  ProblemException,
  Transactions,
  type FieldErrorDto,
  type Page,
} from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { DEFAULT_FLOW_INDEX, FLOW_NAME_INDEX, ApprovalFlowRepository } from './approval-flow.repository';
import type { ApprovalSubjectType } from './approval.types';
import {
  ApprovalFlowDto,
  type ApprovalFlowQueryDto,
  type CreateApprovalFlowDto,
  type FlowLevelDto,
  type UpdateApprovalFlowDto,
} from './dto/approval-flow.dto';
import type { ApprovalFlow, FlowLevel } from './entities/approval-flow.entity';

const flowNotFound = () => ProblemException.notFound('No approval flow has this id.', 'approval-flow-not-found');

/**
 * Approval flows: the administrators' configuration, and the flow a new request follows. Exactly
 * one default per subject type: the first flow of a type becomes it, and it can only be replaced.
 */
@Injectable()
export class ApprovalFlowsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly flows: ApprovalFlowRepository,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  async list(query: ApprovalFlowQueryDto): Promise<Page<ApprovalFlowDto>> {
    const [flows, total] = await this.flows.list({
      subjectType: query.subjectType,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(flows.map(ApprovalFlowDto.from), total, query);
  }

  async get(id: string): Promise<ApprovalFlowDto> {
    const flow = await this.flows.findById(id);
    if (!flow) throw flowNotFound();
    return ApprovalFlowDto.from(flow);
  }

  async create(dto: CreateApprovalFlowDto): Promise<ApprovalFlowDto> {
    return this.writing(async () => {
      const levels = await this.checkedLevels(dto.levels);
      const now = this.clock.now();
      const first = (await this.flows.countOf(dto.subjectType)) === 0;
      const flow = await this.flows.save(
        this.flows.create({
          name: dto.name,
          subjectType: dto.subjectType,
          isDefault: false,
          levels,
          createdAt: now,
          updatedAt: now,
        }),
      );
      if (first || dto.isDefault) await this.makeDefault(flow);
      return ApprovalFlowDto.from(flow);
    });
  }

  async update(id: string, dto: UpdateApprovalFlowDto): Promise<ApprovalFlowDto> {
    return this.writing(async () => {
      const flow = await this.flows.lockById(id);
      if (!flow) throw flowNotFound();
      if (dto.name !== undefined) flow.name = dto.name;
      if (dto.levels !== undefined) flow.levels = await this.checkedLevels(dto.levels);
      flow.updatedAt = this.clock.now();
      await this.flows.save(flow);
      if (dto.isDefault && !flow.isDefault) await this.makeDefault(flow);
      return ApprovalFlowDto.from(flow);
    });
  }

  /** The flow a new request of this subject type follows: the one named, else the type's default. */
  async flowForRequest(subjectType: ApprovalSubjectType, flowId: string | null): Promise<ApprovalFlow> {
    const flow = flowId ? await this.flows.findById(flowId) : await this.flows.findDefault(subjectType);
    if (!flow)
      throw ProblemException.conflict(
        flowId
          ? `The approval flow ${flowId} does not exist.`
          : `There is no default approval flow for ${subjectType} requests.`,
        'approval-flow-not-found',
      );
    if (flow.subjectType !== subjectType)
      throw ProblemException.conflict(
        `The approval flow "${flow.name}" is for ${flow.subjectType} requests, not ${subjectType} requests.`,
        'approval-flow-mismatch',
      );
    return flow;
  }

  private async makeDefault(flow: ApprovalFlow): Promise<void> {
    await this.flows.clearDefault(flow.subjectType, flow.id);
    flow.isDefault = true;
    await this.flows.save(flow);
  }

  /** Each level needs an approver; named approvers must be active staff users. */
  private async checkedLevels(levels: FlowLevelDto[]): Promise<FlowLevel[]> {
    const named = [...new Set(levels.flatMap((level) => level.approverUserIds))];
    const staff = new Set((await this.staff.activeStaff(named)).map((member) => member.id));
    const errors: FieldErrorDto[] = [];
    levels.forEach((level, index) => {
      if (level.approverUserIds.length === 0 && !level.approverRole)
        errors.push({ field: `levels[${index}]`, message: 'needs at least one approver user or an approver role' });
      level.approverUserIds.forEach((userId, position) => {
        if (!staff.has(userId))
          errors.push({
            field: `levels[${index}].approverUserIds[${position}]`,
            message: 'must be an active staff user (admin, officer, approver or finance)',
          });
      });
    });
    if (errors.length > 0) throw ProblemException.validation(errors);
    return levels.map((level) => ({
      name: level.name,
      approverUserIds: [...level.approverUserIds],
      approverRole: level.approverRole ?? null,
      policy: level.policy,
      dueInDays: level.dueInDays,
    }));
  }

  /** One transaction; the unique indexes decide names and defaults when two admins race. */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (isUniqueViolation(error, FLOW_NAME_INDEX))
        throw ProblemException.conflict(
          'Another approval flow for this subject type has this name.',
          'flow-name-taken',
        );
      if (isUniqueViolation(error, DEFAULT_FLOW_INDEX))
        throw ProblemException.conflict(
          'Another flow was made the default of this subject type at the same time; try again.',
          'default-flow-changed',
        );
      throw error;
    }
  }
}
