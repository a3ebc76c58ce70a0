import { Injectable, Logger } from '@nestjs/common';
import { ProblemException } from '@tessera/core';
import { StaffDirectory, type StaffMember } from '@tessera/users';
import { ApprovalMailer } from './approval.mailer';
import { ApprovalRequestRepository } from './approval-request.repository';
import { levelMoveRefusal, requestMoveRefusal, type LevelStatus, type RequestStatus } from './approval-state';
import { ApprovalSubjectRegistry, type ApprovalOutcomeContext } from './approval-subject';
import { DAY_MS, type ApprovalActor, type ApprovalEventType } from './approval.types';
import type { ApprovalEvent } from './entities/approval-event.entity';
import type { ApprovalLevel } from './entities/approval-level.entity';
import type { ApprovalRequest } from './entities/approval-request.entity';

type EventDetails = Partial<
  Pick<ApprovalEvent, 'levelNumber' | 'comment' | 'attachmentId' | 'targetUserId' | 'targetName'>
>;

/**
 * How a request moves, for the services that decide it may: levels open (approvers resolved,
 * assigned and e-mailed) and complete, the request closes, the owning domain's handler is called
 * in the same transaction, and every step is written to the audit trail. Callers hold the request
 * row lock.
 */
@Injectable()
export class ApprovalProgressService {
  private readonly logger = new Logger(ApprovalProgressService.name);

  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly staff: StaffDirectory,
    private readonly mailer: ApprovalMailer,
    private readonly registry: ApprovalSubjectRegistry,
  ) {}

  async record(
    request: ApprovalRequest,
    type: ApprovalEventType,
    actor: ApprovalActor,
    at: Date,
    details: EventDetails = {},
    change?: { from: RequestStatus | null; to: RequestStatus },
  ): Promise<void> {
    await this.requests.addEvent({
      requestId: request.id,
      type,
      levelNumber: details.levelNumber ?? null,
      actorUserId: actor.userId,
      actorName: actor.name,
      targetUserId: details.targetUserId ?? null,
      targetName: details.targetName ?? null,
      comment: details.comment ?? null,
      attachmentId: details.attachmentId ?? null,
      fromStatus: change?.from ?? null,
      toStatus: change?.to ?? null,
      occurredAt: at,
    });
  }

  /** Opens a level: its approvers as they are now (role members and named users, active, once each). */
  async openLevel(request: ApprovalRequest, level: ApprovalLevel, actor: ApprovalActor, now: Date): Promise<void> {
    this.moveLevel(level, 'open', now);
    level.dueAt = new Date(now.getTime() + level.dueInDays * DAY_MS);
    await this.requests.saveLevel(level);
    const approvers = await this.approversOf(level);
    await this.requests.insertAssignments(
      approvers.map((approver) => ({
        requestId: request.id,
        levelNumber: level.number,
        userId: approver.id,
        userName: approver.name,
        status: 'pending' as const,
        createdAt: now,
      })),
    );
    const nobody = approvers.length === 0;
    if (nobody)
      this.logger.warn(
        `Approval request ${request.id}: level ${level.number} has no active approver; an admin must decide`,
      );
    await this.record(request, 'level-opened', actor, now, {
      levelNumber: level.number,
      comment: nobody ? 'No active approver was found for this level; an administrator must decide.' : null,
    });
    for (const approver of approvers) await this.mailer.requested(approver, request, level);
  }

  /**
   * The current level is approved: the next one opens, or the request is approved (the handler
   * hears `comment`, the words of the approval that completed it).
   */
  async completeLevel(
    request: ApprovalRequest,
    level: ApprovalLevel,
    actor: ApprovalActor,
    now: Date,
    comment: string | null = null,
  ): Promise<void> {
    this.moveLevel(level, 'approved', now);
    await this.requests.saveLevel(level);
    await this.requests.withdrawPending(request.id, now, level.number);
    await this.record(request, 'level-completed', actor, now, { levelNumber: level.number });
    if (level.number < request.levelCount) {
      request.currentLevel = level.number + 1;
      request.updatedAt = now;
      await this.requests.saveRequest(request);
      await this.openLevel(request, await this.requests.level(request.id, request.currentLevel), actor, now);
      return;
    }
    await this.close(request, 'approved', actor, now, null, { comment });
  }

  /**
   * Closes the request (approved, refused or cancelled): the open level closes with it, pending
   * assignments are withdrawn, and the owning domain's handler applies the outcome, in this
   * transaction. `notifyOwner: false` when the owning domain itself asked for the change. `reason`
   * (a refusal's or cancellation's) is written on the closing event; an approval's `comment` is
   * already on the decision's event and only passed on to the handler.
   */
  async close(
    request: ApprovalRequest,
    to: Exclude<RequestStatus, 'pending'>,
    actor: ApprovalActor,
    now: Date,
    reason: string | null,
    { notifyOwner = true, comment = null }: { notifyOwner?: boolean; comment?: string | null } = {},
  ): Promise<void> {
    const refusal = requestMoveRefusal(request.status, to);
    if (refusal) throw ProblemException.conflict(refusal, 'approval-closed');
    const level = await this.requests.level(request.id, request.currentLevel);
    if (level.status === 'open' && to !== 'approved') {
      this.moveLevel(level, to, now);
      await this.requests.saveLevel(level);
    }
    await this.requests.withdrawPending(request.id, now);
    request.status = to;
    request.closedAt = now;
    request.updatedAt = now;
    await this.requests.saveRequest(request);
    const type = to === 'cancelled' ? 'cancelled' : to === 'approved' ? 'request-approved' : 'request-refused';
    await this.record(
      request,
      type,
      actor,
      now,
      { levelNumber: level.number, comment: reason },
      { from: 'pending', to },
    );
    if (notifyOwner) await this.notifyOwner(request, to, actor, now, reason ?? comment);
  }

  private async notifyOwner(
    request: ApprovalRequest,
    outcome: Exclude<RequestStatus, 'pending'>,
    actor: ApprovalActor,
    now: Date,
    /** A refusal's or cancellation's reason, an approval's comment. */
    reason: string | null,
  ): Promise<void> {
    const handler = this.registry.handlerFor(request.subjectType);
    if (!handler) {
      this.logger.warn(
        `Approval request ${request.id} was ${outcome}, but no handler is registered for subject type ` +
          `"${request.subjectType}": nothing else changes`,
      );
      return;
    }
    const ctx: ApprovalOutcomeContext = {
      requestId: request.id,
      subjectType: request.subjectType,
      subjectId: request.subjectId,
      actor: { userId: actor.userId, name: actor.name },
      decidedAt: now,
      comment: reason,
    };
    if (outcome === 'approved') await handler.onApproved(ctx);
    else if (outcome === 'refused') await handler.onRefused(ctx, reason ?? '');
    else await handler.onCancelled(ctx, reason ?? '');
  }

  private async approversOf(level: ApprovalLevel): Promise<StaffMember[]> {
    const named = await this.staff.activeStaff(level.approverUserIds);
    const byRole = level.approverRole ? await this.staff.activeWithRole(level.approverRole) : [];
    const unique = new Map([...named, ...byRole].map((member) => [member.id, member]));
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  private moveLevel(level: ApprovalLevel, to: LevelStatus, now: Date): void {
    const refusal = levelMoveRefusal(level.status, to);
    if (refusal) throw ProblemException.conflict(refusal, 'illegal-level-transition');
    level.status = to;
    if (to === 'open') level.openedAt = now;
    else level.closedAt = now;
  }
}
