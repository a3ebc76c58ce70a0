import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type { AssignmentStatus } from './approval-state';
import type { ApprovalSubjectType } from './approval.types';
import { ApprovalAssignment } from './entities/approval-assignment.entity';
import { ApprovalAttachment } from './entities/approval-attachment.entity';
import { ApprovalEvent } from './entities/approval-event.entity';
import { ApprovalLevel } from './entities/approval-level.entity';
import { ApprovalRequest } from './entities/approval-request.entity';

export interface ClaimedAssignment {
  id: string;
  requestId: string;
  levelNumber: number;
  userId: string;
  userName: string;
}

export const OPEN_SUBJECT_INDEX = 'approval_requests_open_subject_key';
export const LIVE_ASSIGNMENT_INDEX = 'approval_assignments_live_key';

/**
 * The only place that speaks TypeORM for requests and what hangs off them: levels, assignments,
 * attachments and the audit trail. Joins the caller's transaction.
 */
@Injectable()
export class ApprovalRequestRepository {
  constructor(private readonly transactions: Transactions) {}

  private get requests() {
    return this.transactions.repository(ApprovalRequest);
  }
  private get levels() {
    return this.transactions.repository(ApprovalLevel);
  }
  private get assignments() {
    return this.transactions.repository(ApprovalAssignment);
  }
  private get attachments() {
    return this.transactions.repository(ApprovalAttachment);
  }
  private get events() {
    return this.transactions.repository(ApprovalEvent);
  }

  insertRequest(fields: Partial<ApprovalRequest>): Promise<ApprovalRequest> {
    return this.requests.save(this.requests.create(fields));
  }

  saveRequest(request: ApprovalRequest): Promise<ApprovalRequest> {
    return this.requests.save(request);
  }

  findById(id: string): Promise<ApprovalRequest | null> {
    return this.requests.findOneBy({ id });
  }

  /** Locks the request row for the rest of the transaction: decisions on one request queue here. */
  lockById(id: string): Promise<ApprovalRequest | null> {
    return this.requests.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The pending request of a subject, locked. */
  lockPendingOf(subjectType: ApprovalSubjectType, subjectId: string): Promise<ApprovalRequest | null> {
    return this.requests.findOne({
      where: { subjectType, subjectId, status: 'pending' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async insertLevels(levels: Partial<ApprovalLevel>[]): Promise<void> {
    await this.levels.insert(levels);
  }

  saveLevel(level: ApprovalLevel): Promise<ApprovalLevel> {
    return this.levels.save(level);
  }

  levelsOf(requestId: string): Promise<ApprovalLevel[]> {
    return this.levels.find({ where: { requestId }, order: { number: 'ASC' } });
  }

  async level(requestId: string, number: number): Promise<ApprovalLevel> {
    return this.levels.findOneByOrFail({ requestId, number });
  }

  async insertAssignments(assignments: Partial<ApprovalAssignment>[]): Promise<ApprovalAssignment[]> {
    return this.assignments.save(assignments.map((fields) => this.assignments.create(fields)));
  }

  saveAssignment(assignment: ApprovalAssignment): Promise<ApprovalAssignment> {
    return this.assignments.save(assignment);
  }

  assignmentsOf(requestId: string): Promise<ApprovalAssignment[]> {
    return this.assignments.find({ where: { requestId }, order: { levelNumber: 'ASC', createdAt: 'ASC' } });
  }

  assignmentsOnLevel(requestId: string, levelNumber: number): Promise<ApprovalAssignment[]> {
    return this.assignments.find({ where: { requestId, levelNumber }, order: { createdAt: 'ASC' } });
  }

  /** Closes the pending assignments of a request (or of one of its levels) that are no longer needed. */
  async withdrawPending(requestId: string, at: Date, levelNumber?: number): Promise<void> {
    const withdrawn: AssignmentStatus = 'withdrawn';
    await this.assignments.update(
      { requestId, status: 'pending', ...(levelNumber !== undefined ? { levelNumber } : {}) },
      { status: withdrawn, decidedAt: at },
    );
  }

  /**
   * Claims up to `limit` pending assignments of open levels past their due date that were not
   * reminded in the last day, stamping reminded_at = now. Rows another sweep holds are skipped;
   * rows it stamped meanwhile no longer match (Postgres re-checks them after the lock).
   */
  async claimOverdueAssignments(now: Date, limit: number): Promise<ClaimedAssignment[]> {
    const [rows] = (await this.transactions.manager.query(
      `WITH due AS (
         SELECT a.id FROM approval_assignments a
           JOIN approval_levels l ON l.request_id = a.request_id AND l.number = a.level_number
          WHERE a.status = 'pending' AND l.status = 'open' AND l.due_at < $1
            AND (a.reminded_at IS NULL OR a.reminded_at <= $1 - interval '1 day')
          ORDER BY l.due_at, a.id
          LIMIT $2
          FOR UPDATE OF a SKIP LOCKED)
       UPDATE approval_assignments a SET reminded_at = $1
         FROM due
        WHERE a.id = due.id AND a.status = 'pending'
          AND (a.reminded_at IS NULL OR a.reminded_at <= $1 - interval '1 day')
       RETURNING a.id, a.request_id AS "requestId", a.level_number AS "levelNumber", a.user_id AS "userId",
                 a.user_name AS "userName"`,
      [now, limit],
    )) as [ClaimedAssignment[], number];
    return rows;
  }

  insertAttachment(fields: Partial<ApprovalAttachment>): Promise<ApprovalAttachment> {
    return this.attachments.save(this.attachments.create(fields));
  }

  attachmentsOf(requestId: string): Promise<ApprovalAttachment[]> {
    return this.attachments.find({ where: { requestId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  findAttachment(requestId: string, id: string): Promise<ApprovalAttachment | null> {
    return this.attachments.findOneBy({ id, requestId });
  }

  async addEvent(fields: Partial<ApprovalEvent>): Promise<void> {
    await this.events.insert(fields);
  }

  eventsOf(requestId: string): Promise<ApprovalEvent[]> {
    return this.events.find({ where: { requestId }, order: { seq: 'ASC' } });
  }
}
