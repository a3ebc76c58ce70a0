import { Injectable } from '@nestjs/common';
import { Clock, isUniqueViolation, ProblemException, Transactions, type Principal } from '@tessera/core';
import { StaffDirectory } from '@tessera/users';
import { ApprovalActorsService, isAdmin, type ApprovalCaller } from './approval-actors.service';
import { ApprovalFlowsService } from './approval-flows.service';
import { ApprovalMailer } from './approval.mailer';
import { ApprovalProgressService } from './approval-progress.service';
import { ApprovalQueriesService, approvalNotFound } from './approval-queries.service';
import { LIVE_ASSIGNMENT_INDEX, OPEN_SUBJECT_INDEX, ApprovalRequestRepository } from './approval-request.repository';
import { assignmentMoveRefusal, levelOutcome, requestMoveRefusal, type RequestStatus } from './approval-state';
import type { ApprovalSubjectType } from './approval.types';
import type { ApprovalDetailDto } from './dto/approval-response.dto';
import type { ApprovalAssignment } from './entities/approval-assignment.entity';
import type { ApprovalRequest } from './entities/approval-request.entity';

/** What the owning domain gives to open a request for its subject. */
export interface OpenApprovalRequest {
  subjectType: ApprovalSubjectType;
  subjectId: string;
  /** The flow to follow; null → the default flow of the subject type. */
  flowId: string | null;
  /** A summary of the subject for the inbox and e-mails, e.g. the applicant's name. */
  title: string;
  /** The subject's own reference, e.g. APP-2026-000042 ('' if it has none). */
  reference: string;
  /** The user who caused it; null when nobody signed in did (an online submission). */
  openedBy: string | null;
}

export interface OpenedApprovalRequest {
  id: string;
  flowId: string;
}

const ADMIN_NOTE = 'Decided by an administrator for the whole level.';

const notAssigned = () =>
  ProblemException.forbidden(
    'Only an approver assigned to the current level, or an administrator, may decide this request.',
    'not-an-approver',
  );

/**
 * The approval engine's changes: open, approve, refuse, reassign, cancel. Each runs in one
 * transaction that first locks the request row, so concurrent decisions on a request queue up and
 * each sees the one before it: one level transition, one set of e-mails, one outcome.
 */
@Injectable()
export class ApprovalService {
  constructor(
    private readonly transactions: Transactions,
    private readonly requests: ApprovalRequestRepository,
    private readonly flows: ApprovalFlowsService,
    private readonly progress: ApprovalProgressService,
    private readonly mailer: ApprovalMailer,
    private readonly queries: ApprovalQueriesService,
    private readonly actors: ApprovalActorsService,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens a request for a subject, in the caller's transaction (the owning domain's): the flow's
   * levels are copied into it and the first level opens (its approvers are e-mailed). One pending
   * request per subject: a second is a 409.
   */
  async open(input: OpenApprovalRequest): Promise<OpenedApprovalRequest> {
    const title = input.title.trim();
    if (!title) throw ProblemException.validation([{ field: 'title', message: 'must not be empty' }]);
    return this.transactions.run(async () => {
      const flow = await this.flows.flowForRequest(input.subjectType, input.flowId);
      const actor = await this.actors.actorOf(input.openedBy);
      const now = this.clock.now();
      const request = await this.insertRequest({
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        flowId: flow.id,
        flowName: flow.name,
        title,
        reference: input.reference.trim(),
        status: 'pending',
        currentLevel: 1,
        levelCount: flow.levels.length,
        openedBy: input.openedBy,
        openedAt: now,
        closedAt: null,
        updatedAt: now,
      });
      await this.requests.insertLevels(
        flow.levels.map((level, index) => ({
          requestId: request.id,
          number: index + 1,
          name: level.name,
          policy: level.policy,
          dueInDays: level.dueInDays,
          approverRole: level.approverRole,
          approverUserIds: level.approverUserIds,
          status: 'waiting' as const,
        })),
      );
      await this.progress.record(request, 'opened', actor, now);
      await this.progress.openLevel(request, await this.requests.level(request.id, 1), actor, now);
      return { id: request.id, flowId: flow.id };
    });
  }

  /**
   * Approves the current level (or the caller's part of it). `level`, when given, is the level the
   * caller saw: if the request has moved on since, 409 rather than a decision on another level.
   */
  approve(id: string, principal: Principal, comment: string | null, level?: number): Promise<ApprovalDetailDto> {
    return this.decide(id, principal, 'approved', comment, level);
  }

  /** Refuses the whole request (reason required); `level` as for approve. */
  refuse(id: string, principal: Principal, reason: string, level?: number): Promise<ApprovalDetailDto> {
    return this.decide(id, principal, 'refused', reason, level);
  }

  /** Hands the caller's pending assignment on the current level to another active staff user. */
  async reassign(
    id: string,
    principal: Principal,
    toUserId: string,
    comment: string | null,
  ): Promise<ApprovalDetailDto> {
    return this.transactions.run(async () => {
      const caller = await this.actors.callerOf(principal);
      const now = this.clock.now();
      const request = await this.lockOpen(
        id,
        (status) => `This approval request was ${status}; it can no longer be reassigned.`,
      );
      const level = await this.requests.level(id, request.currentLevel);
      const onLevel = await this.requests.assignmentsOnLevel(id, level.number);
      const mine = this.pendingAssignmentOf(onLevel, caller, level.number, 'reassigned', true);
      if (!mine)
        throw ProblemException.forbidden(
          'Only an approver with a pending decision on the current level may reassign it.',
          'not-an-approver',
        );
      if (toUserId === caller.userId)
        throw ProblemException.conflict('You cannot reassign a decision to yourself.', 'already-assigned');
      const [target] = await this.staff.activeStaff([toUserId]);
      if (!target)
        throw ProblemException.validation([
          { field: 'toUserId', message: 'must be an active staff user (admin, officer, approver or finance)' },
        ]);
      if (onLevel.some((a) => a.userId === target.id && (a.status === 'pending' || a.status === 'approved')))
        throw ProblemException.conflict(`${target.name} is already assigned on this level.`, 'already-assigned');

      mine.status = 'reassigned';
      mine.reassignedTo = target.id;
      mine.decidedAt = now;
      mine.comment = comment;
      await this.requests.saveAssignment(mine);
      try {
        await this.requests.insertAssignments([
          {
            requestId: id,
            levelNumber: level.number,
            userId: target.id,
            userName: target.name,
            status: 'pending',
            reassignedFrom: mine.id,
            createdAt: now,
          },
        ]);
      } catch (error) {
        if (isUniqueViolation(error, LIVE_ASSIGNMENT_INDEX))
          throw ProblemException.conflict(`${target.name} is already assigned on this level.`, 'already-assigned');
        throw error;
      }
      await this.progress.record(request, 'reassigned', caller, now, {
        levelNumber: level.number,
        comment,
        targetUserId: target.id,
        targetName: target.name,
      });
      await this.mailer.reassigned(target, request, level, caller.name, comment);
      return this.queries.detailFor(id, caller);
    });
  }

  /** Cancels the request (officers, admins, or whom the owning domain's handler allows). */
  async cancel(id: string, principal: Principal, reason: string): Promise<ApprovalDetailDto> {
    return this.transactions.run(async () => {
      const caller = await this.actors.callerOf(principal);
      const request = await this.lockOpen(id, (status) => requestMoveRefusal(status, 'cancelled')!);
      const assignments = await this.requests.assignmentsOf(id);
      const { canCancel } = await this.queries.permissions(request, assignments, caller);
      if (!canCancel)
        throw ProblemException.forbidden('Only officers and administrators may cancel this request.', 'cannot-cancel');
      await this.progress.close(request, 'cancelled', caller, this.clock.now(), reason);
      return this.queries.detailFor(id, caller);
    });
  }

  /**
   * For the owning domain when its subject is withdrawn on its side (e.g. an application cancelled
   * from its own page): cancels the subject's pending request, if any, in the caller's transaction,
   * WITHOUT calling the handler back. Returns whether there was one.
   */
  async cancelForSubject(
    subjectType: ApprovalSubjectType,
    subjectId: string,
    reason: string,
    cancelledBy: string | null,
  ): Promise<boolean> {
    return this.transactions.run(async () => {
      const request = await this.requests.lockPendingOf(subjectType, subjectId);
      if (!request) return false;
      const actor = await this.actors.actorOf(cancelledBy);
      await this.progress.close(request, 'cancelled', actor, this.clock.now(), reason, { notifyOwner: false });
      return true;
    });
  }

  private async decide(
    id: string,
    principal: Principal,
    decision: 'approved' | 'refused',
    text: string | null,
    expectedLevel: number | undefined,
  ): Promise<ApprovalDetailDto> {
    return this.transactions.run(async () => {
      const caller = await this.actors.callerOf(principal);
      const now = this.clock.now();
      const request = await this.lockOpen(id, (status) => requestMoveRefusal(status, decision)!);
      const level = await this.requests.level(id, request.currentLevel);
      if (expectedLevel !== undefined && expectedLevel !== level.number)
        throw ProblemException.conflict(
          `This request has moved on to level ${level.number} ("${level.name}") since level ${expectedLevel}; reload it.`,
          'level-moved-on',
        );
      const assignments = await this.requests.assignmentsOf(id);
      const mine = this.pendingAssignmentOf(assignments, caller, level.number, decision, expectedLevel !== undefined);
      // An administrator with no part in the request so far decides for the whole level.
      const forLevel = !mine && isAdmin(caller);
      if (!mine && !forLevel) throw notAssigned();
      if (mine) {
        mine.status = decision;
        mine.decidedAt = now;
        mine.comment = text;
        await this.requests.saveAssignment(mine);
      }
      const comment = forLevel ? [ADMIN_NOTE, text].filter(Boolean).join(' ') : text;
      await this.progress.record(request, decision, caller, now, { levelNumber: level.number, comment });
      const onLevel = assignments.filter((a) => a.levelNumber === level.number).map((a) => a.status);
      if (decision === 'refused') await this.progress.close(request, 'refused', caller, now, text);
      else if (forLevel || levelOutcome(level.policy, onLevel) === 'approved')
        await this.progress.completeLevel(request, level, caller, now, text);
      return this.queries.detailFor(id, caller);
    });
  }

  /**
   * The caller's pending assignment on the current level, or undefined when they have no part in
   * the request. A 409 saying why when they hold only decided ones: a second decision on this
   * level, or — unless the caller named this level — a decision meant for an earlier level that
   * completed meanwhile (two approvers of an `any` level at once, a double click).
   */
  private pendingAssignmentOf(
    assignments: ApprovalAssignment[],
    caller: ApprovalCaller,
    currentLevel: number,
    intent: 'approved' | 'refused' | 'reassigned',
    levelNamed: boolean,
  ): ApprovalAssignment | undefined {
    const mine = assignments.filter((a) => a.userId === caller.userId && a.levelNumber <= currentLevel);
    const onLevel = mine.filter((a) => a.levelNumber === currentLevel);
    const pending = onLevel.find((a) => a.status === 'pending');
    if (pending) return pending;
    const decided = levelNamed ? onLevel : mine;
    if (decided.length === 0) return undefined;
    throw ProblemException.conflict(
      assignmentMoveRefusal(decided[decided.length - 1].status, intent)!,
      'already-decided',
    );
  }

  /** Locks the request row; 404 if there is none, 409 (in the caller's words) if it is closed. */
  private async lockOpen(id: string, closed: (status: RequestStatus) => string): Promise<ApprovalRequest> {
    const request = await this.requests.lockById(id);
    if (!request) throw approvalNotFound();
    if (request.status !== 'pending') throw ProblemException.conflict(closed(request.status), 'approval-closed');
    return request;
  }

  private async insertRequest(fields: Partial<ApprovalRequest>): Promise<ApprovalRequest> {
    try {
      return await this.requests.insertRequest(fields);
    } catch (error) {
      if (isUniqueViolation(error, OPEN_SUBJECT_INDEX))
        throw ProblemException.conflict('An approval request for this subject is already pending.', 'approval-pending');
      throw error;
    }
  }
}
