import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import type { AssignmentStatus, RequestStatus } from './approval-state';
import type { ApprovalSubjectType } from './approval.types';

export interface InboxFilter {
  /** Whose assignments: for `myAssignment`, and to keep only their requests with `onlyAssigned`. */
  userId: string;
  onlyAssigned: boolean;
  status?: RequestStatus;
  subjectType?: ApprovalSubjectType;
  subjectId?: string;
  offset: number;
  limit: number;
}

export interface InboxRow {
  id: string;
  subject_type: ApprovalSubjectType;
  subject_id: string;
  title: string;
  reference: string;
  status: RequestStatus;
  current_level: number;
  level_count: number;
  level_name: string;
  due_at: Date | null;
  opened_at: Date;
  closed_at: Date | null;
  my_assignment: AssignmentStatus | null;
}

/** The list and the badge counts, in SQL: one query per page, whatever the number of requests. */
@Injectable()
export class ApprovalInboxRepository {
  constructor(private readonly transactions: Transactions) {}

  async list(filter: InboxFilter): Promise<[InboxRow[], number]> {
    const params: unknown[] = [filter.userId];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.onlyAssigned)
      where.push(`EXISTS (SELECT 1 FROM approval_assignments m WHERE m.request_id = r.id AND m.user_id = caller.id)`);
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.subjectType) where.push(`r.subject_type = ${param(filter.subjectType)}`);
    if (filter.subjectId) where.push(`r.subject_id = ${param(filter.subjectId)}`);
    const conditions = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.transactions.manager;
    const [{ total }] = (await manager.query(
      `WITH caller AS (SELECT $1::uuid AS id)
       SELECT count(*)::int AS total FROM approval_requests r CROSS JOIN caller ${conditions}`,
      params,
    )) as { total: number }[];
    const rows = (await manager.query(
      `WITH caller AS (SELECT $1::uuid AS id)
       SELECT r.id, r.subject_type, r.subject_id, r.title, r.reference, r.status, r.current_level, r.level_count,
              r.opened_at, r.closed_at, l.name AS level_name, l.due_at, mine.status AS my_assignment
         FROM approval_requests r
        CROSS JOIN caller
         JOIN approval_levels l ON l.request_id = r.id AND l.number = r.current_level
         LEFT JOIN LATERAL (
           SELECT a.status FROM approval_assignments a
            WHERE a.request_id = r.id AND a.user_id = caller.id
            ORDER BY (a.status = 'pending' AND a.level_number = r.current_level) DESC, a.level_number DESC,
                     a.created_at DESC
            LIMIT 1) mine ON true
         ${conditions}
        ORDER BY (r.status = 'pending' AND mine.status = 'pending') DESC,
                 CASE WHEN r.status = 'pending' THEN l.due_at END ASC NULLS LAST,
                 r.opened_at DESC, r.id DESC
        LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    )) as InboxRow[];
    return [rows, total];
  }

  /** Requests awaiting this user's decision on their current level, and how many are overdue. */
  async countsFor(userId: string, now: Date): Promise<{ pending: number; overdue: number }> {
    const [row] = (await this.transactions.manager.query(
      `SELECT count(*)::int AS pending, (count(*) FILTER (WHERE l.due_at < $2))::int AS overdue
         FROM approval_assignments a
         JOIN approval_requests r ON r.id = a.request_id AND r.status = 'pending' AND r.current_level = a.level_number
         JOIN approval_levels l ON l.request_id = a.request_id AND l.number = a.level_number
        WHERE a.user_id = $1 AND a.status = 'pending'`,
      [userId, now],
    )) as { pending: number; overdue: number }[];
    return row;
  }
}
