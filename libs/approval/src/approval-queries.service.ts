import { Injectable } from '@nestjs/common';
import { Clock, pageOf, ProblemException, userIdOf, type Page, type Principal } from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { ApprovalActorsService, type ApprovalCaller } from './approval-actors.service';
import { ApprovalInboxRepository, type InboxRow } from './approval-inbox.repository';
import { permissionsOf, type ApprovalPermissions } from './approval-permissions';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSubjectRegistry } from './approval-subject';
import type { ListApprovalsQueryDto } from './dto/approval-actions.dto';
import {
  ApprovalAttachmentDto,
  ApprovalEventDto,
  ApprovalLevelDto,
  type ApprovalCountsDto,
  type ApprovalDetailDto,
  type ApprovalSummaryDto,
  type ReassignCandidateDto,
} from './dto/approval-response.dto';
import type { ApprovalAssignment } from './entities/approval-assignment.entity';
import type { ApprovalRequest } from './entities/approval-request.entity';

export const approvalNotFound = () =>
  ProblemException.notFound('No approval request has this id.', 'approval-request-not-found');

/** The staff's reads: the inbox, the badge counts, and a request in full with what the caller may do. */
@Injectable()
export class ApprovalQueriesService {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly inbox: ApprovalInboxRepository,
    private readonly actors: ApprovalActorsService,
    private readonly registry: ApprovalSubjectRegistry,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * The inbox. Reads need no look-up of the caller: the controller admits active staff only (the
   * session check read the user's roles and state), and this is on every page of an approver.
   */
  async list(query: ListApprovalsQueryDto, principal: Principal): Promise<Page<ApprovalSummaryDto>> {
    const [rows, total] = await this.inbox.list({
      userId: userIdOf(principal),
      onlyAssigned: query.assignee === 'me',
      status: query.status,
      subjectType: query.subjectType,
      subjectId: query.subjectId,
      offset: query.offset,
      limit: query.pageSize,
    });
    const now = this.clock.now();
    return pageOf(
      rows.map((row) => summaryOf(row, now)),
      total,
      query,
    );
  }

  /** The navigation badge, on every navigation: like `list`, without looking the caller up. */
  async counts(principal: Principal): Promise<ApprovalCountsDto> {
    return this.inbox.countsFor(userIdOf(principal), this.clock.now());
  }

  async detail(id: string, principal: Principal): Promise<ApprovalDetailDto> {
    return this.detailFor(id, await this.actors.callerOf(principal));
  }

  /** The request as the caller sees it (also inside a change's transaction, after the change). */
  async detailFor(id: string, caller: ApprovalCaller): Promise<ApprovalDetailDto> {
    const request = await this.requests.findById(id);
    if (!request) throw approvalNotFound();
    // One after the other: inside a transaction they share one connection.
    const levels = await this.requests.levelsOf(id);
    const assignments = await this.requests.assignmentsOf(id);
    const attachments = await this.requests.attachmentsOf(id);
    const events = await this.requests.eventsOf(id);
    const current = levels.find((level) => level.number === request.currentLevel)!;
    const now = this.clock.now();
    const opened = events.find((event) => event.type === 'opened');
    return {
      ...summaryOf(
        {
          id: request.id,
          subject_type: request.subjectType,
          subject_id: request.subjectId,
          title: request.title,
          reference: request.reference,
          status: request.status,
          current_level: request.currentLevel,
          level_count: request.levelCount,
          level_name: current.name,
          due_at: current.dueAt,
          opened_at: request.openedAt,
          closed_at: request.closedAt,
          my_assignment: myAssignment(assignments, caller.userId, request.currentLevel),
        },
        now,
      ),
      flow: { id: request.flowId, name: request.flowName },
      openedBy: { userId: opened?.actorUserId ?? null, name: opened?.actorName ?? 'Tessera' },
      levels: levels.map((level) => ApprovalLevelDto.from(level, assignments)),
      attachments: attachments.map(ApprovalAttachmentDto.from),
      history: events.map(ApprovalEventDto.from),
      ...(await this.permissions(request, assignments, caller)),
    };
  }

  /**
   * Whom the caller may hand their pending decision to: active staff other than the caller and
   * those already pending or approved on the current level (what `reassign` accepts).
   */
  async reassignCandidates(id: string, principal: Principal): Promise<ReassignCandidateDto[]> {
    const caller = await this.actors.callerOf(principal);
    const request = await this.requests.findById(id);
    if (!request) throw approvalNotFound();
    const assignments = await this.requests.assignmentsOf(id);
    const { canReassign } = permissionsOf({
      status: request.status,
      currentLevel: request.currentLevel,
      caller,
      assignments,
      ownerAllowsCancel: false,
    });
    if (!canReassign)
      throw ProblemException.forbidden(
        'Only an approver with a pending decision on the current level may reassign it.',
        'not-an-approver',
      );
    const taken = new Set(
      assignments
        .filter((a) => a.levelNumber === request.currentLevel && (a.status === 'pending' || a.status === 'approved'))
        .map((a) => a.userId),
    );
    taken.add(caller.userId);
    const staff = await this.staff.allActiveStaff();
    return staff
      .filter((member) => !taken.has(member.id))
      .map((member) => ({ id: member.id, name: member.name, roles: member.roles }));
  }

  /** What the caller may do on this request; asks the owning domain about cancelling. */
  async permissions(
    request: ApprovalRequest,
    assignments: ApprovalAssignment[],
    caller: ApprovalCaller,
  ): Promise<ApprovalPermissions> {
    const facts = {
      status: request.status,
      currentLevel: request.currentLevel,
      caller,
      assignments,
      ownerAllowsCancel: false,
    };
    const base = permissionsOf(facts);
    if (base.canCancel || request.status !== 'pending') return base;
    const handler = this.registry.handlerFor(request.subjectType);
    const ownerAllowsCancel = (await handler?.canCancel?.(request.subjectId, caller.principal)) ?? false;
    return permissionsOf({ ...facts, ownerAllowsCancel });
  }
}

function myAssignment(assignments: ApprovalAssignment[], userId: string, currentLevel: number) {
  const mine = assignments.filter((a) => a.userId === userId);
  const pendingNow = mine.find((a) => a.status === 'pending' && a.levelNumber === currentLevel);
  return pendingNow?.status ?? mine.at(-1)?.status ?? null;
}

function summaryOf(row: InboxRow, now: Date): ApprovalSummaryDto {
  const dueAt = row.due_at ? new Date(row.due_at) : null;
  return {
    id: row.id,
    subject: { type: row.subject_type, id: row.subject_id, title: row.title, reference: row.reference },
    status: row.status,
    currentLevel: { number: row.current_level, name: row.level_name },
    levelCount: row.level_count,
    dueAt: dueAt?.toISOString() ?? null,
    overdue: row.status === 'pending' && dueAt !== null && dueAt < now,
    myAssignment: row.my_assignment,
    openedAt: new Date(row.opened_at).toISOString(),
    closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
  };
}
