import { Injectable } from '@nestjs/common';
import type { Principal } from '@tessera/core';
import type { ApprovalActor, ApprovalSubjectType } from './approval.types';

/** What a handler is told when a request it owns reaches its outcome. */
export interface ApprovalOutcomeContext {
  requestId: string;
  subjectType: ApprovalSubjectType;
  subjectId: string;
  /** Who made the final decision or cancelled: the user and their name then. */
  actor: ApprovalActor;
  decidedAt: Date;
  /**
   * The decider's own words: the comment of the approval that completed the last level (null when
   * none was given), or the refusal's or cancellation's reason (also the handler's `reason`).
   */
  comment: string | null;
}

/**
 * The owning domain's side of the approval engine (architecture rule 1: the engine knows nothing
 * of registrations). Each method runs INSIDE the transaction of the final decision: whatever it
 * writes commits with the decision, and if it throws the decision is rolled back too.
 */
export interface ApprovalSubjectHandler {
  readonly subjectType: ApprovalSubjectType;
  /** The last level approved. */
  onApproved(ctx: ApprovalOutcomeContext): Promise<void>;
  /** An approver refused (the reason is required). */
  onRefused(ctx: ApprovalOutcomeContext, reason: string): Promise<void>;
  /** Staff (or, where allowed, the subject's owner) cancelled the request through the engine. */
  onCancelled(ctx: ApprovalOutcomeContext, reason: string): Promise<void>;
  /**
   * Whether this principal may cancel, besides officers and administrators (who always may),
   * e.g. the applicant of their own application. Absent: nobody else may.
   */
  canCancel?(subjectId: string, principal: Principal): Promise<boolean>;
}

/**
 * Handlers by subject type. The owning domain's module registers its handler in onModuleInit:
 *
 *   constructor(private readonly registry: ApprovalSubjectRegistry, private readonly handler: X) {}
 *   onModuleInit() { this.registry.register(this.handler); }
 */
@Injectable()
export class ApprovalSubjectRegistry {
  private readonly handlers = new Map<ApprovalSubjectType, ApprovalSubjectHandler>();

  register(handler: ApprovalSubjectHandler): void {
    const existing = this.handlers.get(handler.subjectType);
    if (existing && existing !== handler)
      throw new Error(`An approval handler for subject type "${handler.subjectType}" is already registered`);
    this.handlers.set(handler.subjectType, handler);
  }

  /** Removes a handler (tests swap handlers between cases). */
  unregister(handler: ApprovalSubjectHandler): void {
    if (this.handlers.get(handler.subjectType) === handler) this.handlers.delete(handler.subjectType);
  }

  /** The handler of a subject type, if its domain registered one. */
  handlerFor(subjectType: ApprovalSubjectType): ApprovalSubjectHandler | undefined {
    return this.handlers.get(subjectType);
  }
}
