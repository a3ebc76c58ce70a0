import { Injectable } from '@nestjs/common';
import { pageOf, ProblemException, Transactions, type Page } from '@tessera/core';
import type {
  AssignmentDetailDto,
  AssignmentFilter,
  AssignmentSummaryDto,
  ListAssignmentsQueryDto,
} from '../dto/assignment.dto';
import { OrganisationToday } from '../organisation-today';
import { assignmentNotFound, questionnaireNotFound } from '../questionnaire-problems';
import { ASSIGNMENT_DETAIL_COLUMNS, ASSIGNMENT_FROM, assignmentSummaryColumns } from './assignment-read-sql';

const STATE_CONDITIONS: Record<AssignmentFilter, string> = {
  pending: `a.state <> 'submitted'`,
  submitted: `a.state = 'submitted'`,
  overdue: `a.state <> 'submitted' AND a.due_date < $1::date`,
};

/** The staff's reads of assignments and answers. */
@Injectable()
export class AssignmentQueriesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly today: OrganisationToday,
  ) {}

  async listOf(questionnaireId: string, query: ListAssignmentsQueryDto): Promise<Page<AssignmentSummaryDto>> {
    const condition = query.state ? `AND ${STATE_CONDITIONS[query.state]}` : '';
    const rows = (await this.transactions.manager.query(
      `SELECT ${assignmentSummaryColumns('$1')}, count(*) OVER ()::int AS total ${ASSIGNMENT_FROM}
        WHERE a.questionnaire_id = $2 ${condition}
        ORDER BY a.assigned_at DESC, a.id DESC OFFSET $3 LIMIT $4`,
      [await this.today.date(), questionnaireId, query.offset, query.pageSize],
    )) as (AssignmentSummaryDto & { total: number })[];
    if (rows.length === 0) await this.assertQuestionnaire(questionnaireId);
    const total = rows.length > 0 ? rows[0].total : await this.countOf(questionnaireId, condition);
    return pageOf(
      rows.map(({ total: _total, ...row }) => row),
      total,
      query,
    );
  }

  async detailOf(questionnaireId: string, assignmentId: string): Promise<AssignmentDetailDto> {
    const [row] = await this.details(`a.id = $2 AND a.questionnaire_id = $3`, [assignmentId, questionnaireId]);
    if (!row) throw assignmentNotFound();
    return row;
  }

  async ofMember(memberId: string): Promise<AssignmentDetailDto[]> {
    const rows = await this.details(`a.member_id = $2`, [memberId]);
    if (rows.length === 0) {
      const found = (await this.transactions.manager.query(`SELECT 1 FROM members WHERE id = $1`, [memberId])) as [];
      if (found.length === 0) throw ProblemException.notFound('No member has this id.', 'member-not-found');
    }
    return rows;
  }

  /** Details where `condition` (placeholders from $2) holds, newest first. */
  async details(condition: string, params: unknown[]): Promise<AssignmentDetailDto[]> {
    return (await this.transactions.manager.query(
      `SELECT ${assignmentSummaryColumns('$1')}, ${ASSIGNMENT_DETAIL_COLUMNS} ${ASSIGNMENT_FROM}
        WHERE ${condition} ORDER BY a.assigned_at DESC, a.id DESC`,
      [await this.today.date(), ...params],
    )) as AssignmentDetailDto[];
  }

  private async countOf(questionnaireId: string, condition: string): Promise<number> {
    const rows = (await this.transactions.manager.query(
      `SELECT count(*)::int AS n FROM questionnaire_assignments a WHERE a.questionnaire_id = $2 ${condition}
          AND $1::date IS NOT NULL`,
      [await this.today.date(), questionnaireId],
    )) as { n: number }[];
    return rows[0].n;
  }

  private async assertQuestionnaire(id: string): Promise<void> {
    const rows = (await this.transactions.manager.query(`SELECT 1 FROM questionnaires WHERE id = $1`, [id])) as [];
    if (rows.length === 0) throw questionnaireNotFound();
  }
}
