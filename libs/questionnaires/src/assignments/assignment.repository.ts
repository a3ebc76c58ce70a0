import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { memberListConditionSql, type MemberListFilter } from '@tessera/members';
import type { AssignmentState } from './assignment-state';
import { assignSql, RULE_KIND_SQL } from './assignment-sql';

export interface AssignCounts {
  offered: number;
  assigned: number;
}

/** An assignment locked for a change by its member (in the caller's transaction). */
export interface LockedAssignment {
  id: string;
  questionnaireId: string;
  version: number;
  memberId: string;
  state: AssignmentState;
}

@Injectable()
export class AssignmentRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Assigns one questionnaire (its current version) to members chosen by id or by the list filter. */
  async assignMembers(
    questionnaireId: string,
    members: { ids: string[] } | { filter: MemberListFilter },
    dueDate: string | null,
    origin: 'staff' | 'api',
    now: Date,
    url: string,
  ): Promise<AssignCounts> {
    const params: unknown[] = [questionnaireId, dueDate, origin, now, url];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const chosen =
      'ids' in members
        ? `WHERE m.id = ANY(${param(members.ids)}::uuid[])`
        : memberListConditionSql(members.filter, param);
    const source = `SELECT q.id AS questionnaire_id, q.version, m.id AS member_id, $2::date AS due_date
        FROM members m CROSS JOIN questionnaires q ${chosen ? `${chosen} AND` : 'WHERE'} q.id = $1`;
    const rows = (await this.transactions.manager.query(
      assignSql(source, { origin: '$3', now: '$4', url: '$5' }),
      params,
    )) as AssignCounts[];
    return rows[0];
  }

  /**
   * Assigns the member the active questionnaires whose rules name this plan and its kind, which
   * it has never been assigned (a retried approval, or a plan left and joined again, assigns
   * nothing twice). Due `due_in_days` after today.
   */
  async assignByRules(memberId: string, planId: string, today: string, now: Date, url: string): Promise<AssignCounts> {
    const source = `SELECT q.id AS questionnaire_id, q.version, m.id AS member_id,
                           CASE WHEN q.due_in_days IS NULL THEN NULL ELSE $3::date + q.due_in_days END AS due_date
        FROM members m JOIN questionnaires q ON q.active AND $2::uuid = ANY(q.plan_ids)
         AND (cardinality(q.member_kinds) = 0 OR ${RULE_KIND_SQL('m.kind')} = ANY(q.member_kinds))
       WHERE m.id = $1
         AND NOT EXISTS (SELECT 1 FROM questionnaire_assignments a WHERE a.questionnaire_id = q.id AND a.member_id = m.id)`;
    const rows = (await this.transactions.manager.query(assignSql(source, { origin: `'rule'`, now: '$4', url: '$5' }), [
      memberId,
      planId,
      today,
      now,
      url,
    ])) as AssignCounts[];
    return rows[0];
  }

  /** How many of these ids are members. */
  async countMembers(ids: string[]): Promise<number> {
    const rows = (await this.transactions.manager.query(
      `SELECT count(*)::int AS n FROM members WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { n: number }[];
    return rows[0].n;
  }

  /**
   * The assignment, locked, if it belongs to one of the members `membersSql` lists. Its
   * questionnaire is share-locked first (answers never meet a content edit half way: the edit
   * locks it for update, then the assignments it moves to a new version — the same order).
   */
  async lockOwn(id: string, membersSql: string, params: unknown[]): Promise<LockedAssignment | null> {
    await this.transactions.manager.query(
      `SELECT 1 FROM questionnaires
        WHERE id = (SELECT questionnaire_id FROM questionnaire_assignments WHERE id = $1) FOR SHARE`,
      [id],
    );
    const rows = (await this.transactions.manager.query(
      `SELECT a.id, a.questionnaire_id AS "questionnaireId", a.version, a.member_id AS "memberId", a.state
         FROM questionnaire_assignments a
        WHERE a.id = $1 AND a.member_id IN ${membersSql} FOR UPDATE OF a`,
      [id, ...params],
    )) as LockedAssignment[];
    return rows[0] ?? null;
  }

  async saveAnswers(id: string, state: AssignmentState, answers: object, now: Date): Promise<void> {
    await this.transactions.manager.query(
      `UPDATE questionnaire_assignments
          SET state = $2, answers = $3,
              draft_saved_at = CASE WHEN $2 = 'draft' THEN $4 ELSE draft_saved_at END,
              submitted_at = CASE WHEN $2 = 'submitted' THEN $4 ELSE NULL END
        WHERE id = $1`,
      [id, state, JSON.stringify(answers), now],
    );
  }
}
